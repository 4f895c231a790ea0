import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DESKTOP, PHONE } from './main-pages';

// Screenshot comparisons of four key pages in Japanese at 1280 and 390 px (issue 13). What the
// other specs change while they run (counts, lists, dates, the to-do list) is masked, and only
// the first screen is compared so a longer list below cannot move it. Baselines are made with
// Debian's Chromium and fonts-noto-cjk, as CI runs them (tests/e2e/__screenshots__/). The
// facilitator dashboard was tried and dropped: its to-do list and pipeline change the layout as
// other specs add data (8 % of pixels differed between a fresh and a used server).

// A demo need no other spec touches: its first screen is fixed by the demo world. Kyiv wrote it
// in Ukrainian; Japanese pages show the facilitator's translation (prisma/seed/demo-needs.ts).
const STILL_NEED = '路面電車の車両更新（第1期：低床車20両）';

const changing = (page: Page): Locator[] => [
  page.locator('main time'),
  page.locator('main tbody'),
  page.getByTestId('hostility-list-in-force'),
  page.getByTestId('hostility-source'),
];

async function expectFirstScreen(page: Page, path: string, name: string, mask: (page: Page) => Locator[] = () => []): Promise<void> {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    await expect(page).toHaveScreenshot(`${name}-${size.width}.png`, { mask: [...changing(page), ...mask(page)] });
  }
}

test('home, needs, a need, sign-up look as they did (ja)', async ({ page }) => {
  test.setTimeout(180_000);
  await expectFirstScreen(page, '/ja', 'home', (p) => [p.getByRole('region', { name: 'プラットフォームの概要' })]);
  await expectFirstScreen(page, '/ja/needs', 'needs', (p) => [p.locator('main ul, main ol'), p.getByTestId('interactive-map')]);
  await page.goto('/ja/needs?sector=TRANSPORT');
  const href = await page.getByRole('link', { name: STILL_NEED }).first().getAttribute('href');
  await expectFirstScreen(page, href!, 'need');
  await expectFirstScreen(page, '/ja/sign-up', 'sign-up');
});
