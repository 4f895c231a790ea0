import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { Client } from 'pg';
import { E2E_DATABASE_URL_FILE } from './database-url';

export const DEMO_PASSWORD = 'kakehashi-demo-2026';
export const demoEmail = (who: string) => `${who}@demo.kakehashi.example`;

export type Locale = 'ja' | 'uk' | 'en';

const SIGN_IN_LABELS: Record<Locale, { email: string; password: string; submit: string }> = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  ja: { email: 'メールアドレス', password: 'パスワード', submit: 'ログイン' },
  uk: { email: 'Ел. пошта', password: 'Пароль', submit: 'Увійти' },
};

/** Each role's start page, where signing in without a return path lands (lib/platform/to-do.ts START_PAGE). */
export const START_PAGE = /\/(company\/recommended|municipality\/needs|facilitator\/dashboard|admin\/users)$/;

/** Signs in through the form, in the given language, and waits for the role's start page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, locale: Locale = 'en'): Promise<void> {
  const labels = SIGN_IN_LABELS[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  // A start page renders its to-do list: allow it more than the default 5 s on a loaded machine.
  await expect(page).toHaveURL(new RegExp(`/${locale}${START_PAGE.source}`), { timeout: 15_000 });
}

/** Reloads until `check` passes: rankings are computed by a background job after a change. */
export async function eventually(page: Page, check: () => Promise<void>, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [500, 1000, 2000] });
}

/** Runs `work` on a connection of its own to the e2e server's database (serve.ts leaves its URL in a file). */
export async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The newest email to an address, read straight from the e2e server's database (serve.ts leaves
 * its URL in a file): the admin outbox shows one-time links removed, as it must. Some emails
 * (password reset) are written by a job a moment after the request, so it looks again for a while.
 */
export async function readLatestEmail(to: string, kind?: string): Promise<{ subject: string; text: string }> {
  return withDatabase(async (client) => {
    let found: { subject: string; text: string } | undefined;
    await expect(async () => {
      const { rows } = await client.query<{ subject: string; text: string }>(
        'SELECT subject, text FROM "OutboxEmail" WHERE "toAddress" = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY "createdAt" DESC LIMIT 1',
        [to.toLowerCase(), kind ?? null],
      );
      found = rows[0];
      expect(found, `an email to ${to}${kind ? ` of kind ${kind}` : ''}`).toBeDefined();
    }).toPass({ timeout: 15_000 });
    return found!;
  });
}

/** The path of the one-time link (password reset, invitation, sign-up confirmation) in an email. */
export const linkIn = (text: string): string => {
  const link = text.match(/https?:\/\/\S+\/(?:reset-password|sign-up\/confirm)\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`No one-time link in: ${text}`);
  return new URL(link).pathname;
};

const CONFIRM_BUTTON: Record<Locale, string> = {
  en: 'Confirm and create my account',
  ja: '確認してアカウントを作成',
  uk: 'Підтвердити й створити обліковий запис',
};

/**
 * Opens the sign-up confirmation link emailed to `email` (it opens in the email's language),
 * confirms, then signs in in `locale`.
 */
export async function confirmSignUpAndSignIn(page: Page, email: string, password: string, locale: Locale = 'en'): Promise<void> {
  const link = linkIn((await readLatestEmail(email, 'sign-up-confirmation')).text);
  const linkLocale = link.split('/')[1] as Locale;
  await page.goto(link);
  await page.getByRole('button', { name: CONFIRM_BUTTON[linkLocale] }).click();
  await expect(page.locator('.form-success')).toBeVisible();
  await signIn(page, email, password, locale);
}
