// Integration tier: the built api (dist/api) runs as a real process against a real
// PostgreSQL (embedded), and the tests talk to it over HTTP.
module.exports = {
  displayName: 'api-integration',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // The fuzzer (tools/fuzz/fuzzer.cjs) is plain CommonJS: loaded as it is.
  transformIgnorePatterns: ['/node_modules/', '\\.cjs$'],
  moduleFileExtensions: ['ts', 'js', 'cjs'],
  testTimeout: 30000,
  maxWorkers: 2,
};
