import { expect, test } from './fixtures';
import { LOCALES, PHONE, ROLES, mainPagesOf, open, sidewaysOverflow } from './main-pages';

// The design system's promises (issue 13): no page scrolls sideways on a phone, the header
// collapses into a menu that still reaches the language switcher, and every unknown path shows
// the not-found page in the visitor's language.

const NOT_FOUND = { ja: 'ページが見つかりません', uk: 'Сторінку не знайдено', en: 'Page not found' } as const;
const MENU = { ja: 'メニュー', uk: 'Меню', en: 'Menu' } as const;

// The not-found pages answer 404 on purpose, which the browser logs as a failed resource.
test.use({ allowedConsoleErrors: [/the server responded with a status of 404/] });

// Every role's main pages (signed out, company, municipality, facilitator, admin), each in
// ja, uk and en: one test per role and language that names every page that scrolls sideways.
for (const role of ROLES) {
  for (const locale of LOCALES) {
    test(`${role} pages fit a 390 px phone in ${locale}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(PHONE);
      const wide: string[] = [];
      for (const path of await mainPagesOf(page, role, locale)) {
        await open(page, path);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) wide.push(`${path} is ${overflow}px wider than 390px`);
      }
      expect(wide).toEqual([]);
    });
  }
}

for (const locale of LOCALES) {
  test(`an unknown path shows the not-found page in ${locale}`, async ({ page }) => {
    for (const path of [`/${locale}/no-such-page`, `/${locale}/needs/not-a-number`, `/${locale}/needs/999999999`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND[locale]);
    }
  });
}

test('a path without a locale gets the not-found page in the browser’s language', async ({ browser }) => {
  for (const [browserLocale, locale] of [['uk-UA', 'uk'], ['ja-JP', 'ja'], ['en-GB', 'en']] as const) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    for (const path of ['/no-such-page', '/wp-login.php']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND[locale]);
      await expect(page.getByText('This page could not be found')).toHaveCount(0);
    }
    await context.close();
  }
});

test('on a phone the header menu reaches every link and the language switcher', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/uk/needs');
  await page.getByRole('button', { name: MENU.uk }).click();
  const sheet = page.getByRole('dialog', { name: MENU.uk });
  await expect(sheet.getByRole('link', { name: 'Увійти' })).toBeVisible();
  await sheet.getByRole('navigation', { name: 'Мова' }).getByRole('link', { name: '日本語' }).click();
  await expect(page).toHaveURL(/\/ja\/needs$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the site has an icon', async ({ request }) => {
  const icon = await request.get('/icon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect((await request.get('/apple-icon.png')).status()).toBe(200);
});
