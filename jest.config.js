// @ts-check
// Tests compile with SWC configured like tsup's SWC pass (legacy decorators + metadata), so a
// test sees the same `design:paramtypes` the layer build emits.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** @type {import('jest').Config['projects']} */
const shared = {
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper: {
    '^lambda-controllers$': '<rootDir>/src/index.ts',
    '^lambda-controllers/openapi$': '<rootDir>/src/openapi/index.ts',
    '^lambda-controllers/testing$': '<rootDir>/src/testing/index.ts',
  },
  testEnvironment: 'node',
};

// Coverage is a floor, not proof: the event sources, routing, errors and validation are pure code
// with every branch reachable from a unit test, so they keep full line and function coverage.
const fullCoverage = { lines: 100, functions: 100, branches: 95 };

/** @type {import('jest').Config} */
module.exports = {
  // src/local, src/cli, src/build and the layer entry run in child processes, where jest cannot
  // count.
  collectCoverageFrom: [
    'src/**/*.ts',
    '!src/**/*.test.ts',
    '!src/test/**',
    '!src/local/**',
    '!src/cli/**',
    '!src/build/**',
    '!src/layer/main.ts',
  ],
  coverageReporters: ['text-summary'],
  // A skipped test says why in its title; this reporter repeats those titles under the summary.
  reporters: ['default', '<rootDir>/src/test/support/skipped-tests-reporter.js'],
  coverageThreshold: {
    global: { lines: 90 },
    './src/events/': fullCoverage,
    './src/routing/': fullCoverage,
    './src/errors/': fullCoverage,
    './src/validation/': fullCoverage,
  },
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/sample-api/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/src/test/integration/',
        '<rootDir>/src/test/e2e/',
        '<rootDir>/sample-api/test/',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/src/test/integration/**/*.test.ts',
        '<rootDir>/sample-api/test/**/*.test.ts',
      ],
      // One DynamoDB Local for the whole run; each test file creates its own table.
      globalSetup: '<rootDir>/sample-api/test/global-setup.ts',
      globalTeardown: '<rootDir>/sample-api/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/sample-api/test/jest-setup.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/src/test/e2e/**/*.test.ts'],
      // Each file starts the real local server (and DynamoDB Local) as child processes.
      setupFilesAfterEnv: ['<rootDir>/src/test/e2e/jest-setup.ts'],
    },
    {
      ...shared,
      displayName: 'infra',
      testMatch: ['<rootDir>/terraform/test/**/*.test.ts'],
    },
  ],
};
