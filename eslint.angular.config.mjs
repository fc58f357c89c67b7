import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** The portal's projects: the workspace rules plus Angular's, with the `dg` selector prefix. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'dg', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'dg', style: 'kebab-case' }],
    },
  },
];
