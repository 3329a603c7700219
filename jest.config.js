// Jest runs the TypeScript sources directly as ES modules (ts-jest, useESM).
// Two projects: `unit` (pure code, no I/O, next to the code) and `e2e`
// (test/: real PostgreSQL + Redis provisioned by scripts/provision.sh).
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@lantern/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
};

export default {
  // e2e suites share one database and truncate between tests: run files one at a time.
  maxWorkers: 1,
  // Jest 30 reads testTimeout only at the top level (the e2e project's own setting is ignored, leaving 5 s).
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      testTimeout: 120000,
    },
  ],
};
