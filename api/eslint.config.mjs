import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // Logs go through Nest's Logger, which never receives personal data.
      'no-console': 'error',
    },
  },
];
