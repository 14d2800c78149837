// Medium tier: services and repositories built by hand (no Nest application, no HTTP)
// against a real PostgreSQL (embedded), each suite on its own clone of the migrated
// template database. Seconds, not minutes: the place for a service's rules and its SQL.
module.exports = {
  displayName: 'api-medium',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
  globalSetup: '<rootDir>/test/medium/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Nest is ESM-only: its decorators become no-ops, services are constructed by hand (as in the unit tier).
  moduleNameMapper: { '^@nestjs/(common|typeorm|schedule)$': '<rootDir>/test/unit-stubs/nestjs.ts' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs'],
  testTimeout: 30000,
  maxWorkers: 2,
};
