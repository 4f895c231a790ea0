import { expect, test } from '@playwright/test';

test('pages carry a nonce-based CSP and the other security headers', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});

test('the page runs under its CSP: no violations while signing in', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('someone@example.test');
  await page.getByLabel('Password', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.form-error')).toBeVisible();
  expect(violations).toEqual([]);
});

test('a state-changing request from another origin is refused', async ({ request }) => {
  const response = await request.post('/api/auth/callback/credentials', {
    headers: { Origin: 'https://attacker.example' },
    form: { email: 'a@example.test', password: 'whatever it is' },
  });
  expect(response.status()).toBe(403);
});

test('an oversized request body is refused', async ({ request }) => {
  const response = await request.post('/api/auth/callback/credentials', {
    headers: { 'Content-Type': 'application/json' },
    data: { padding: 'x'.repeat(300 * 1024) },
  });
  expect(response.status()).toBe(413);
});

test('session cookies are HttpOnly and SameSite', async ({ page, context }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@demo.kakehashi.example');
  await page.getByLabel('Password', { exact: true }).fill('kakehashi-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  expect(session?.name).toBe('__Secure-next-auth.session-token');
});
