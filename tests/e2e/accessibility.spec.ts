import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoEmail } from './helpers';
import { DESKTOP, LOCALES, PHONE, ROLES, mainPagesOf, open } from './main-pages';

// axe-core on every main page, signed out and as each role, in ja, uk and en at 1280×800 and
// 390×844: no serious or critical violation. And the core forms work from the keyboard with a visible focus.

/** The serious and critical violations axe finds on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

// One test per role and language: it visits each of the role's main pages at 1280 and at 390 px
// and fails once with every violation found, each named by its page and size.
for (const role of ROLES) {
  for (const locale of LOCALES) {
    test(`axe: ${role} pages in ${locale} at 1280 and 390 px`, async ({ page }) => {
      test.setTimeout(480_000);
      const pages = await mainPagesOf(page, role, locale);
      const found: string[] = [];
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        for (const path of pages) {
          await open(page, path);
          for (const violation of await seriousViolations(page)) found.push(`${path} at ${size.width}px: ${violation}`);
        }
      }
      expect(found).toEqual([]);
    });
  }
}

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
