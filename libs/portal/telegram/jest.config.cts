module.exports = {
  displayName: 'portal-telegram',
  preset: '../../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // The card tests walk through a dialog and several polls; on a busy CI machine that outgrows the 5 s default.
  testTimeout: 20_000,
  coverageDirectory: '../../../coverage/libs/portal/telegram',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // @jsverse/utils and Angular's locale data ship untranspiled ESM in .js files.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/|@angular/common/locales/))'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
