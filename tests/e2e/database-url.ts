/** Where tests/e2e/serve.ts leaves the URL of its scratch database for the tests' helpers. */
export const E2E_DATABASE_URL_FILE = 'test-results/.e2e-database-url';
