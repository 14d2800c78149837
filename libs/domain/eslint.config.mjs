import { builtinModules } from 'node:module';
import baseConfig from '../../eslint.config.mjs';

// The domain is pure: no framework, no I/O. Node built-ins are banned here; frameworks and
// drivers are banned by the module-boundary rule in the root config.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: 'libs/domain is pure: no node built-ins.' })) }],
    },
  },
];
