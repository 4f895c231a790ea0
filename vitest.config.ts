import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL database for the run (never the dev data), migrated and
          // loaded with reference data once; see tests/integration/global-setup.ts.
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one database; running them one at a time keeps counts meaningful.
          fileParallelism: false,
        },
      },
    ],
  },
});
