// Mutation testing of the matching engine: `npm run test:mutation` (not part of `npm test`; it
// takes minutes). Only lib/matching is mutated — lib/match-store needs PostgreSQL for every test
// run, see docs/benchmarks/mutation.md for why that is left out.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'tests/unit/matching/vitest.mutation.config.ts' },
  mutate: [
    'lib/matching/**/*.ts',
    // Data, not logic: the judged set is checked by its own coverage test.
    '!lib/matching/evaluation/judged-set.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
