import nx from '@nx/eslint-plugin';

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
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/tools/db/embedded\\.mjs$', '^.*/tools/fuzz/fuzzer\\.cjs$'],
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
];
