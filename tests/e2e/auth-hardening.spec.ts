import { allowConsoleError, expect, test } from './fixtures';
import { DEMO_PASSWORD, demoEmail } from './helpers';
import { rawRequest as sendRaw } from './raw-request';

// Issue 10 findings, checked from outside against the real server (lib/http/app-server.ts).

const PORT = Number(process.env.E2E_PORT ?? 3100);
const uniqueEmail = () => `nobody-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function fillSignIn(page: import('@playwright/test').Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('return path after sign-in', () => {
  for (const callbackUrl of ['/..//evil.com', '/%2e%2e//evil.example', '/en//evil.example']) {
    test(`stays on our site for callbackUrl ${callbackUrl}`, async ({ page }) => {
      await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await fillSignIn(page, demoEmail('facilitator'), DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/en\/facilitator\/dashboard$/, { timeout: 15_000 });
      expect(new URL(page.url()).origin).toBe(`http://127.0.0.1:${PORT}`);
    });
  }

  test('a signed-in user with a control-character or non-Latin-1 callbackUrl is redirected, not shown an error', async ({ page }) => {
    // /needs/Київ is no need: its translated not-found page answers 404, on purpose.
    allowConsoleError('status of 404');
    await page.goto('/en/sign-in');
    await fillSignIn(page, demoEmail('facilitator'), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/en\/facilitator\/dashboard$/, { timeout: 15_000 });
    for (const callbackUrl of ['/needs\nSet-Cookie: x=1', '/needs/Київ', '/..//evil.com']) {
      const response = await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(response?.status()).toBeLessThan(500);
      expect(new URL(page.url()).origin).toBe(`http://127.0.0.1:${PORT}`);
    }
  });
});

test('signing out ends the session on the server: a copied cookie no longer works', async ({ page, context, browser }) => {
  await page.goto('/en/sign-in');
  await fillSignIn(page, demoEmail('admin'), DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/en\/admin\/users$/, { timeout: 15_000 });
  const copied = (await context.cookies()).filter((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(copied).toHaveLength(1);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/en/account');
  await expect(thiefPage).toHaveURL(/\/en\/account$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  await thiefPage.goto('/en/account');
  await expect(thiefPage).toHaveURL(/\/en\/sign-in/);
  const session = await thief.request.get('/api/auth/session');
  expect(await session.json()).toEqual({});
  await thief.close();
});

test('signing in with JavaScript off posts the form: the password never appears in a URL', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const password = `secret-${Date.now()}-value`;
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await page.goto('/en/sign-in');
  await page.getByLabel('Email').fill('someone@example.test');
  await page.getByLabel('Password', { exact: true }).fill(password);
  const [submitted] = await Promise.all([
    page.waitForRequest((request) => request.isNavigationRequest() && request.url().includes('/sign-in')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  expect(submitted.method()).toBe('POST');
  await page.waitForLoadState();
  expect(urls.length).toBeGreaterThan(1);
  for (const url of urls) expect(url).not.toContain(password);
  expect(page.url()).not.toContain('password');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await context.close();
});

test('a forged X-Forwarded-Proto does not earn HSTS over plain http', async ({ request }) => {
  const response = await request.get('/en', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(response.headers()['strict-transport-security']).toBeUndefined();
});

/** A raw request from another loopback address, so the limits it uses up are its own. */
const rawRequest = (options: Omit<Parameters<typeof sendRaw>[0], 'port' | 'localAddress'>) =>
  sendRaw({ ...options, port: PORT, localAddress: '127.0.0.9' });

test('the per-address sign-in limit holds however X-Forwarded-For is forged', async () => {
  test.setTimeout(360_000);
  const csrf = await rawRequest({ path: '/api/auth/csrf' });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = [csrf.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0]).join('; ');

  // SIGN_IN_ATTEMPTS_PER_IP is 50 by default; each attempt names a new address and a new account.
  let limitedAt: number | null = null;
  for (let attempt = 1; attempt <= 60 && limitedAt === null; attempt += 1) {
    const form = new URLSearchParams({ csrfToken, email: uniqueEmail(), password: 'wrong password here', json: 'true' }).toString();
    const response = await rawRequest({
      path: '/api/auth/callback/credentials',
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        'X-Forwarded-For': `198.51.100.${attempt}`,
        'X-Real-IP': `203.0.113.${attempt}`,
      },
      body: form,
    });
    const answer = `${response.headers.location ?? ''} ${response.body}`;
    if (answer.includes('RATE_LIMITED')) limitedAt = attempt;
  }
  expect(limitedAt).toBe(51);
});

test('a chunked body over the limit is refused with 413, not a server error', async () => {
  const response = await rawRequest({
    path: '/en/sign-in',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Transfer-Encoding': 'chunked', 'Next-Action': 'x'.repeat(42) },
    body: Array.from({ length: 10 }, () => Buffer.alloc(32 * 1024, 'a')),
  });
  expect(response.status).toBe(413);
  expect(JSON.parse(response.body)).toEqual({ error: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.payloadTooLarge' });
});

