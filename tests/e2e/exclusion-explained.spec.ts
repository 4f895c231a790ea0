import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoEmail, signIn } from './helpers';

// Every exclusion explained: a company reads, in its language, which condition keeps it off a
// need's list and what would change it; a facilitator opens the same unranked pair from the
// need's page and sees the points it would have without that condition.

// Kherson's need, written in Ukrainian, read in the facilitators' translations (prisma/seed/demo-needs.ts).
const NEED = { ja: '給水ポンプ場の発電機', en: 'Generators for water pumping stations' };
// Naniwa Power Systems (company-01) takes part only in transparent tenders; this Kherson need has none.
const COMPANY = 'Naniwa Power Systems Co., Ltd.';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

test('a company reads why it is not ranked for a need, and what would change it', async ({ page }) => {
  await signIn(page, demoEmail('company-01'), undefined, 'ja');
  await page.goto('/ja/needs?sector=ENERGY');
  await page.getByRole('link', { name: NEED.ja }).click();
  await expect(page.getByRole('heading', { name: NEED.ja })).toBeVisible();
  await expect(page.getByText('貴社はこの案件にランク付けされていません。除外している条件と、何が変われば対象になるか：')).toBeVisible();
  const failed = page.getByTestId('failed-constraints');
  await expect(failed).toContainText('透明な入札');
  await expect(failed.getByTestId('would-change')).toHaveText(
    '入札がProzorroまたはDREAMに識別番号付きで掲載されていれば、または貴社が透明な入札を条件としなければ、ランク付けされます。',
  );
  await expectNoSeriousViolations(page);
});

test('a facilitator opens an unranked pair from the need’s page', async ({ page }) => {
  await signIn(page, demoEmail('facilitator'));
  await page.goto('/en/needs?sector=ENERGY');
  await page.getByRole('link', { name: NEED.en }).click();
  await expectNoSeriousViolations(page);
  // Companies are searched by name, not listed whole.
  await page.getByLabel('Search by company name (English or Japanese)').fill('Naniwa Power');
  const choice = page.getByRole('radio', { name: new RegExp(COMPANY.replace(/[.]/g, '\\.')) });
  const companyId = await choice.getAttribute('value');
  await choice.check();
  await page.getByRole('button', { name: 'Open the comparison' }).click();
  await expect(page.getByRole('heading', { name: 'A company and a need' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/en/facilitator/matches/pair\\?needId=[0-9a-f-]{36}&companyId=${companyId}$`));
  await expect(page.getByTestId('failed-constraints')).toContainText('The company requires a transparent tender');
  await expect(page.getByTestId('would-change')).toHaveText('The company would be ranked if the tender were on Prozorro or DREAM with its identifier.');
  await expect(page.getByTestId('hypothetical')).toContainText(/Without these conditions it would score \d+ out of 100\. For comparison only/);
  await expect(page.getByTestId('hypothetical').getByRole('table')).toBeVisible();
  await expectNoSeriousViolations(page);
});
