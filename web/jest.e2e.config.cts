// Browser tests: real Chromium driven by playwright-core against the app that
// `npm run e2e` (tools/e2e/run.mjs) serves. Not part of `npm test`.
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }],
  },
  testTimeout: 60000,
  maxWorkers: 1,
};
