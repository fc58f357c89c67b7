module.exports = {
  displayName: 'api-database',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  globalSetup: '<rootDir>/../../../tools/jest/database-setup.ts',
  globalTeardown: '<rootDir>/../../../tools/jest/database-teardown.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/database',
};
