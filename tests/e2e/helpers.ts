import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'kakehashi-demo-2026';
export const demoEmail = (who: string) => `${who}@demo.kakehashi.example`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Reads the newest email to an address from the local outbox, as the demo administrator. */
export async function readLatestEmail(browser: Browser, to: string): Promise<{ subject: string; text: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoEmail('admin'));
  await page.goto(`/admin/outbox?to=${encodeURIComponent(to)}`);
  const email = page.locator('article.email').first();
  await expect(email).toBeVisible();
  const result = { subject: (await email.locator('h2').textContent()) ?? '', text: (await email.locator('pre').textContent()) ?? '' };
  await context.close();
  return result;
}

export const linkIn = (text: string): string => {
  const link = text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`No reset link in: ${text}`);
  return new URL(link).pathname;
};
