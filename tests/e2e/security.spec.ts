import { allowConsoleError, expect, test } from './fixtures';

test('pages carry a nonce-based CSP and the other security headers', async ({ request }) => {
  const response = await request.get('/en/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});

test('public pages from the cache carry a CSP that allows their own inline scripts by hash, and the other security headers', async ({ request }) => {
  // The home page a visitor gets, the same for everyone (docs/decisions/018-public-pages-from-the-cache.md).
  const headers = (await request.get('/')).headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  const scripts = headers['content-security-policy'].split('; ').find((directive) => directive.startsWith('script-src'));
  expect(scripts).not.toMatch(/'nonce-|'unsafe-inline'|'unsafe-eval'|'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});

test('the page runs under its CSP: no violations while signing in', async ({ page }) => {
  // The refused sign-in answers 401, which the browser logs; CSP violations are what this test looks for.
  allowConsoleError('status of 401');
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
  await expect(page).toHaveURL(/\/admin\/users$/, { timeout: 15_000 });
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
  expect(session?.name).toBe('__Secure-next-auth.session-token');
});

test('a path with broken percent-encoding answers the translated not-found page with 404, on either instance', async ({ request }) => {
  // The second instance of tests/e2e/serve.ts runs as `npm start` does (no -H).
  const port = Number(process.env.E2E_PORT ?? 3100);
  for (const origin of [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 10}`]) {
    for (const [path, title] of [['/en/needs/%FF', 'Page not found'], ['/uk/needs/%E0%A4%A', 'Сторінку не знайдено'], ['/ja/%00', 'ページが見つかりません'], ['/uk/%C0%AF', 'Сторінку не знайдено']]) {
      const response = await request.get(origin + path);
      expect(response.status(), origin + path).toBe(404);
      expect(await response.text(), origin + path).toContain(title);
    }
  }
});

test('an unknown path under a locale answers the translated not-found page with 404', async ({ request }) => {
  const response = await request.get('/ja/no-such-page');
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain('ページが見つかりません');
});

test('a query string with NUL or broken encoding is a 400, not a 500', async ({ request }) => {
  for (const path of ['/api/hromadas?q=a%00b', '/api/hromadas?q=%FF%FE', '/api/outbox?to=%00']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toMatchObject({ error: { messageKey: 'errors.invalidCharacters' } });
  }
  expect((await request.get('/api/hromadas?q=100%25_')).status()).toBe(200);
  for (const path of ['/api/auth/session?x=%00', '/api/auth/providers?%FF=%FF', '/api/auth/%FF', '/api/health?%00']) {
    expect((await request.get(path)).status(), path).toBeLessThan(500);
  }
});

test('NUL inside the sign-in JSON is refused without a 500', async ({ request }) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  for (const credentials of [{ email: 'admin@demo.kakehashi.example\u0000', password: 'kakehashi-demo-2026' }, { email: 'a\u0000b@example.test', password: '\u0000' }]) {
    const response = await request.post('/api/auth/callback/credentials', {
      headers: { 'Content-Type': 'application/json' },
      data: { ...credentials, csrfToken, json: 'true' },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(credentials)).toBeLessThan(500);
    expect(response.headers()['set-cookie'] ?? '').not.toContain('session-token');
  }
  const malformed = await request.post('/api/auth/callback/credentials', {
    headers: { 'Content-Type': 'application/json' },
    data: '{"email": "a@example.test", "password": ',
    maxRedirects: 0,
  });
  expect(malformed.status()).toBeLessThan(500);
});

test('the outbox page with an unreadable address filter shows nothing rather than failing', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@demo.kakehashi.example');
  await page.getByLabel('Password', { exact: true }).fill('kakehashi-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/, { timeout: 15_000 });
  for (const filter of ['%00', 'a%01b%40example.test', 'x'.repeat(300)]) {
    const response = await page.goto(`/en/admin/outbox?to=${filter}`);
    expect(response?.status(), filter).toBe(200);
  }
});
