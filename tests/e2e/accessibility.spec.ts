import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoEmail, signIn } from './helpers';

// axe-core on every main page, signed out and as each role, in more than one language: no
// serious or critical violation. And the core forms work from the keyboard with a visible focus.

async function expectNoSeriousViolations(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), path).toEqual([]);
}

async function firstNeedPath(page: Page, locale: string): Promise<string> {
  await page.goto(`/${locale}/needs`);
  const href = await page.getByRole('table').locator('tbody a').first().getAttribute('href');
  return href ?? '';
}

// One test per page: an axe run takes seconds, and a failure names its page.
for (const path of ['/en', '/ja', '/uk/needs', '/en/needs?view=map', '/ja/companies', '/en/sign-in', '/uk/sign-up/municipality', '/ja/sign-up/company', '/en/sign-up', '/en/forgot-password']) {
  test(`public page ${path}`, async ({ page }) => {
    await expectNoSeriousViolations(page, path);
  });
}

test('public need page', async ({ page }) => {
  await expectNoSeriousViolations(page, await firstNeedPath(page, 'uk'));
});

test.describe('company pages', () => {
  test.beforeEach(async ({ page }) => signIn(page, demoEmail('company-01'), undefined, 'ja'));
  for (const path of ['/ja/company/profile', '/ja/company/recommended', '/ja/account']) {
    test(path, async ({ page }) => expectNoSeriousViolations(page, path));
  }
  test('a need page, as a company', async ({ page }) => expectNoSeriousViolations(page, await firstNeedPath(page, 'ja')));
});

test.describe('municipality pages', () => {
  test.beforeEach(async ({ page }) => signIn(page, demoEmail('hromada-kyiv'), undefined, 'uk'));
  for (const path of ['/uk/municipality/needs', '/uk/municipality/needs/new']) {
    test(path, async ({ page }) => expectNoSeriousViolations(page, path));
  }
  test('an own need page', async ({ page }) => {
    await page.goto('/uk/municipality/needs');
    const own = await page.getByRole('table').locator('tbody a').first().getAttribute('href');
    await expectNoSeriousViolations(page, own ?? '');
  });
});

test.describe('facilitator pages', () => {
  test.beforeEach(async ({ page }) => signIn(page, demoEmail('facilitator')));
  for (const path of ['/en/facilitator/dashboard', '/en/facilitator/matches', '/en/facilitator/policy', '/en/facilitator/verifications']) {
    test(path, async ({ page }) => expectNoSeriousViolations(page, path));
  }
  test('a match card', async ({ page }) => {
    await page.goto('/en/facilitator/matches');
    const card = await page.getByTestId('queue-row').first().getByRole('link').getAttribute('href');
    await expectNoSeriousViolations(page, card ?? '');
  });
});

test('sign-in works from the keyboard alone, with a visible focus', async ({ page }) => {
  await page.goto('/en/sign-in');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const email = page.getByLabel('Email', { exact: true });
  await email.focus();
  const outline = await email.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.type(demoEmail('company-02'));
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type('kakehashi-demo-2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/company\/recommended$/, { timeout: 15_000 });
});

test('the language switcher keeps the page and its filters', async ({ page }) => {
  await page.goto('/en/needs?sector=ENERGY');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '日本語' }).click();
  await expect(page).toHaveURL(/\/ja\/needs\?sector=ENERGY$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公開中の案件');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('navigation', { name: '言語' }).getByRole('link', { name: 'Українська' }).click();
  await expect(page).toHaveURL(/\/uk\/needs\?sector=ENERGY$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Відкриті потреби');
});
