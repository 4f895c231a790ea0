import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  { ignores: ['lib/generated/**', '.next/**', '.data/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts', '.stryker-tmp/**', 'reports/**'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Server code and database access stay out of pages and components (see STYLE.md).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/generated/prisma/client', '@prisma/*', 'pg'], message: 'Call a lib/ function instead.' }],
      }],
    },
  },
  {
    // Specs use the test that fails on console errors and page errors (tests/e2e/fixtures.ts).
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: '@playwright/test', importNames: ['test', 'expect'], message: "Import { test, expect } from './fixtures': it fails a test on any console error." }],
      }],
    },
  },
];

export default config;
