const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // A test waits for conditions, never for time; this only bounds one that is failing anyway. Jest's 5 s default is
  // outgrown by a passing page test on a busy machine.
  testTimeout: 20_000,
  reporters: ['default', join(__dirname, 'tools', 'jest', 'summary-reporter.cjs')],
};
