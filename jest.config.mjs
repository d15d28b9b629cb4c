// Jest runs in native ESM mode (`node --experimental-vm-modules`, see package.json "jest" script):
// @swc/jest strips types and emits legacy decorators with design-time metadata, as tsc does for the build.
/** @type {import('@swc/core').Options} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2023',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const REQUIRED_ESM = ['content-disposition', 'cookie'];

/** What both projects share: how sources are found, compiled and resolved. */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    // Node >= 20.19 lets CommonJS require() these ESM-only packages (@fastify/static -> content-disposition@3,
    // light-my-request -> cookie@2); Jest only supports require(esm) on Node >= 24.9, so compile them to CJS.
    [`/node_modules/(${REQUIRED_ESM.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.ts$': ['@swc/jest', swc],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${REQUIRED_ESM.join('|')})/)`],
  moduleNameMapper: {
    '^#config$': '<rootDir>/libs/config/src/index.ts',
    '^#domain$': '<rootDir>/libs/domain/src/index.ts',
    '^#persistence$': '<rootDir>/libs/persistence/src/index.ts',
    '^#lightspeed$': '<rootDir>/libs/lightspeed/src/index.ts',
    '^#observability$': '<rootDir>/libs/observability/src/index.ts',
    '^#evidence$': '<rootDir>/libs/evidence/src/index.ts',
    '^#freight$': '<rootDir>/libs/freight/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

/**
 * Two projects: `unit` (`*.unit.spec.ts`) needs neither PostgreSQL nor Redis, so it has no global setup;
 * `integration` is every other spec, each file on a database copied from the template global-setup migrates.
 * Coverage is collected over both together (`npm test`); `npm run test:unit` runs the first alone.
 */
/** @type {import('jest').Config} */
export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.unit\\.spec\\.ts$'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
  testTimeout: 30_000,
  // Jest's default on a 2-core CI box is one worker: a single process that grows past 5 GB and slows every
  // suite after it. Two workers, each recycled once idle above 1 GB, halve the wall time (see
  // docs/toolchain.md). Every integration file has its own database and queue prefix, so files may overlap.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  coverageProvider: 'v8',
  collectCoverageFrom: [
    'apps/**/src/**/*.ts',
    'libs/**/src/**/*.ts',
    '!**/main.ts',
    '!**/*.spec.ts',
    '!**/*.e2e-spec.ts',
    '!libs/**/src/testing/**',
    // Browser code: Node's coverage cannot see inside Chromium; test/browser/ drives it instead.
    '!apps/web/**',
  ],
  coverageReporters: ['text-summary', 'text', 'lcov'],
  coverageThreshold: { global: { lines: 90 } },
};
