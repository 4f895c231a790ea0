import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Every spec's `test`: fails when a page logs a console error or throws (a hydration mismatch
 * such as React #418, a failed script, an unhandled rejection), in the test's own page and in
 * every context the test opens with `browser.newContext()`. A spec that provokes an error on
 * purpose (a 404 page, a refused request) names it with `test.use({ allowedConsoleErrors })`.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleGuard: void }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ browser, context, allowedConsoleErrors }, use, testInfo) => {
      const problems: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = `${message.text()} (${message.location().url || message.page()?.url() || 'unknown page'})`;
          if (!allowedConsoleErrors.some((allowed) => allowed.test(text))) problems.push(`console error: ${text}`);
        });
        watched.on('weberror', (error) => {
          const text = error.error().stack ?? error.error().message;
          if (!allowedConsoleErrors.some((allowed) => allowed.test(text))) problems.push(`page error: ${text} (${error.page()?.url() ?? 'unknown page'})`);
        });
      };
      watch(context);
      // Contexts opened by the test itself (a second user beside the first) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const opened = await newContext(...args);
        watch(opened);
        return opened;
      };
      await use();
      browser.newContext = newContext;
      if (problems.length > 0) {
        await testInfo.attach('console-errors', { body: problems.join('\n'), contentType: 'text/plain' });
        throw new Error(`The pages logged ${problems.length} error(s):\n${problems.join('\n')}`);
      }
    },
    { auto: true },
  ],
});
