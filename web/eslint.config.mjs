import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import baseConfig from '../eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'sp',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'sp',
          style: 'kebab-case',
        },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    // Citizen pages must meet WCAG 2.1 AA: lint templates for the checkable part.
    files: ['**/*.html'],
    rules: {
      ...Object.assign({}, ...angular.configs.templateAccessibility.map((config) => config.rules ?? {})),
      '@angular-eslint/template/button-has-type': 'error',
      '@angular-eslint/template/prefer-control-flow': 'error',
    },
  },
];
