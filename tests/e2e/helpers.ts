import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'kakehashi-demo-2026';
export const demoEmail = (who: string) => `${who}@demo.kakehashi.example`;

export type Locale = 'ja' | 'uk' | 'en';

const SIGN_IN_LABELS: Record<Locale, { email: string; password: string; submit: string }> = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  ja: { email: 'メールアドレス', password: 'パスワード', submit: 'ログイン' },
  uk: { email: 'Ел. пошта', password: 'Пароль', submit: 'Увійти' },
};

/** Signs in through the form, in the given language, and waits for the account page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale: Locale = 'en'): Promise<void> {
  const labels = SIGN_IN_LABELS[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account$`));
}

/** Reloads until `check` passes: rankings are computed by a background job after a change. */
export async function eventually(page: Page, check: () => Promise<void>, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [500, 1000, 2000] });
}

/** Reads the newest email to an address from the local outbox, as the demo administrator. */
export async function readLatestEmail(browser: Browser, to: string): Promise<{ subject: string; text: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoEmail('admin'));
  const email = page.locator('article.email').first();
  // Some emails (password reset) are written by a job a moment after the request: look again.
  await expect(async () => {
    await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
    await expect(email).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const result = { subject: (await email.locator('h2').textContent()) ?? '', text: (await email.locator('pre').textContent()) ?? '' };
  await context.close();
  return result;
}

export const linkIn = (text: string): string => {
  const link = text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`No reset link in: ${text}`);
  return new URL(link).pathname;
};
