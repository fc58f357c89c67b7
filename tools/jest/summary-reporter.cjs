// Writes each Jest project's counts to tmp/test-results/, so that `npm test` can close with one line for the
// whole workspace ("N passed, N failed"), whichever projects ran.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '..', '..');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = join(workspaceRoot, 'tmp', 'test-results');
    mkdirSync(dir, { recursive: true });
    const name = relative(workspaceRoot, this.rootDir).replace(/[\\/]/g, '__') || 'root';
    const summary = {
      project: relative(workspaceRoot, this.rootDir),
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
