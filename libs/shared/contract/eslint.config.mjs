import baseConfig from '../../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The contract is read by the API and the portal alike: plain TypeScript, no framework.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@angular/*', '@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'rxjs', 'node:*'],
              message: 'libs/shared/contract is framework-free TypeScript.',
            },
          ],
        },
      ],
    },
  },
];
