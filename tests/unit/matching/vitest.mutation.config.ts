import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of lib/matching (stryker.config.mjs): the engine's
// unit tests only, without the integration project and its database.
const root = path.resolve(import.meta.dirname, '../../..');

export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: { include: ['tests/unit/matching/**/*.test.ts'], environment: 'node', env: { FC_NUM_RUNS: '200' } },
});
