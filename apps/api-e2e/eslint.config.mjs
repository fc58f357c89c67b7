import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // End-to-end tests read JSON bodies of any shape from the wire and assert on them.
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
