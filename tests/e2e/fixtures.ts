import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, BrowserContext, Page } from '@playwright/test';

const ALLOWED = 'allowed console error';

/**
 * Every spec's `test`: fails when a page logs a console error or throws (a hydration mismatch
 * such as React #418, a failed script, an unhandled rejection), in the test's own page and in
 * every context the test opens with `browser.newContext()`. An error provoked on purpose (a 404
 * page, a refused sign-in) is named: for a whole file or group with
 * `test.use({ allowedConsoleErrors: [/…/] })`, inside one test with `allowConsoleError('…')`.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleGuard: void }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleGuard: [
    async ({ browser, context, allowedConsoleErrors }, use, testInfo) => {
      const problems: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url || message.page()?.url() || 'unknown page'})`);
        });
        watched.on('weberror', (error) => {
          problems.push(`page error: ${error.error().stack ?? error.error().message} (${error.page()?.url() ?? 'unknown page'})`);
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

      const allowedHere = testInfo.annotations.filter((note) => note.type === ALLOWED).map((note) => note.description ?? '');
      const unexpected = problems.filter(
        (problem) => !allowedConsoleErrors.some((allowed) => allowed.test(problem)) && !allowedHere.some((allowed) => allowed && problem.includes(allowed)),
      );
      if (unexpected.length > 0) {
        await testInfo.attach('console-errors', { body: unexpected.join('\n'), contentType: 'text/plain' });
        throw new Error(`The pages logged ${unexpected.length} error(s):\n${unexpected.join('\n')}`);
      }
    },
    { auto: true },
  ],
});

/** Inside a test: an error the test provokes on purpose, by a piece of its text. */
export function allowConsoleError(text: string): void {
  test.info().annotations.push({ type: ALLOWED, description: text });
}
