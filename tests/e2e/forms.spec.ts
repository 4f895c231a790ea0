import { expect, test } from './fixtures';
import { demoEmail, signIn, type Locale } from './helpers';

// The company profile in every language, on a phone: it hydrates without a console error (it
// threw React #418 in all three), shows one section at a time with its save bar in view, groups
// amounts as the language writes them, and saves.

const PROFILE = {
  ja: { capital: '資本金（円）', save: '企業情報を保存', saved: '保存しました。', grouped: /^\d{1,3}(,\d{3})*$/ },
  uk: { capital: 'Статутний капітал (єни)', save: 'Зберегти профіль', saved: 'Профіль збережено.', grouped: /^\d{1,3}(\u00a0\d{3})*$/ },
  en: { capital: 'Capital (yen)', save: 'Save profile', saved: 'Profile saved.', grouped: /^\d{1,3}(,\d{3})*$/ },
} as const;
const COMPANY: Record<Locale, string> = { ja: 'company-03', uk: 'company-04', en: 'company-06' };

for (const locale of ['ja', 'uk', 'en'] as const) {
  test(`the company profile works on a phone in ${locale}`, async ({ page }) => {
    const words = PROFILE[locale];
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, demoEmail(COMPANY[locale]), undefined, locale);
    await page.goto(`/${locale}/company/profile`);

    await expect(page.getByLabel(words.capital)).toHaveValue(words.grouped);
    const tabs = page.getByRole('tab');
    await expect(tabs).toHaveCount(6);
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await tabs.nth(5).click();
    await expect(tabs.nth(5)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await expect(page.getByLabel(words.capital)).toBeHidden();

    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await expect(page.getByTestId('profile-save-bar')).toBeInViewport();
    await page.getByRole('button', { name: words.save }).click();
    await expect(page.getByText(words.saved)).toBeVisible();
  });
}
