import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Type-aware rules for every TypeScript file. Patterns start with ** because each project's
// eslint.config.mjs (which Nx runs from the project's folder) spreads this one.
const TYPED = ['**/*.ts'];
// Tests read JSON answers as `any` on purpose (the shape is what they assert).
const TESTS = ['**/*-testing.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.medium-spec.ts', '**/*.e2e.ts', '**/test/**/*.ts', '**/e2e/**/*.ts'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.angular', '.data', 'tmp', 'coverage'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // Apps depend on libs, never the reverse; the domain depends on nothing.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // Test fixtures shared by the tiers and the CLI tools (plain CommonJS, loaded by path).
          allow: [
            '^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$',
            '^.*/tools/db/embedded\\.mjs$',
            '^.*/tools/fuzz/fuzzer\\.cjs$',
            '^.*/libs/domain/testing/fiscal-codes\\.cjs$',
          ],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'pg', 'rxjs', 'fastify', '@fastify/*', 'nodemailer'],
            },
            {
              sourceTag: 'type:contracts',
              // The schemas check with the domain's rules (the codice fiscale, e-mail addresses, dates).
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ['@angular/*', '@nestjs/*', 'typeorm', 'pg', 'rxjs', 'fastify', '@fastify/*', 'nodemailer'],
            },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TYPED })),
  {
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error; a promise where a callback is expected runs unawaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Stubs stand in for async collaborators without awaiting anything, and reject the way
      // the real ones do (an HttpErrorResponse-like object); `expect(obj.method)` is no call.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
];
