import { expect, test, type Page } from './fixtures';
import { demoEmail, signIn } from './helpers';

// The recommendation pages' heights at 1280 and 390 px, printed for the closing note of issue 13
// (before: 5,857 px and 13,728 px for the company's page), with every <details> closed and open.
// Both pages must not scroll sideways on a phone.

async function measure(page: Page, path: string) {
  const measured: Record<string, number> = {};
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(path);
    measured[`${width}`] = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    measured[`${width}, every table open`] = await page.evaluate(() => document.documentElement.scrollHeight);
  }
  console.log(`page heights ${path.replace(/[0-9a-f-]{36}/, ':id')}: ${JSON.stringify(measured)}`);
}

test('the company’s recommended needs', async ({ page }) => {
  await signIn(page, demoEmail('company-01'));
  await measure(page, '/en/company/recommended');
});

test('a hromada’s own need with its recommended companies', async ({ page }) => {
  await signIn(page, demoEmail('hromada-kyiv'), undefined, 'uk');
  await page.goto('/uk/municipality/needs');
  const own = await page.getByRole('table').locator('tbody a').first().getAttribute('href');
  await measure(page, own ?? '');
});
