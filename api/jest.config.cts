module.exports = {
  displayName: 'api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // Nest is ESM-only; unit tests build services by hand (see test/unit-stubs/nestjs.ts).
  moduleNameMapper: { '^@nestjs/(common|typeorm|schedule)$': '<rootDir>/test/unit-stubs/nestjs.ts' },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../coverage/api',
};
