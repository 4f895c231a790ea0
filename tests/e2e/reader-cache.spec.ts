import { isReaderPageKey } from '../../lib/cache/page-cache-tags.mjs';
import { expect, test } from './fixtures';
import { demoEmail, signIn, withDatabase } from './helpers';

// The signed-in pages members read most are served from the page cache, one entry per reader
// (lib/cache/reader-pages.ts, docs/decisions/019-signed-in-pages-from-the-cache.md): proxy.ts checks
// the session and sends the read to the reader's own variant. An entry is served to its reader
// alone, a change reaches their next view, and signing out ends it.

const FIRST = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const SECOND = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 10}`;

const userIdOf = (email: string) =>
  withDatabase(async (client) => (await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email])).rows[0].id);

test("a facilitator's queue comes from the cache, kept for them alone", async ({ page, context, browser, request }) => {
  const email = demoEmail('facilitator-uk');
  await signIn(page, email, undefined, 'uk');
  const userId = await userIdOf(email);
  // Two loads in a row, the second from their entry (other tests' writes may mark it stale in between).
  await expect(async () => {
    await page.goto('/uk/facilitator/matches');
    const again = await page.goto('/uk/facilitator/matches');
    expect(again?.status()).toBe(200);
    expect(again?.headers()['x-nextjs-cache']).toBe('HIT');
    const policy = again?.headers()['content-security-policy'] ?? '';
    expect(policy.split('; ').find((directive) => directive.startsWith('script-src'))).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  }).toPass({ timeout: 30_000 });
  // Sent as the copy compressed when it was stored (whole, with its length), not compressed again.
  await expect(async () => {
    const copy = await page.request.get(FIRST + '/uk/facilitator/matches', { headers: { 'accept-encoding': 'br' } });
    expect(copy.headers()['x-nextjs-cache']).toBe('HIT');
    expect(copy.headers()['content-encoding']).toBe('br');
    expect(Number(copy.headers()['content-length'])).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });
  // Theirs: a member's header, and the queue's own heading, in their language.
  await expect(page.getByTestId('notification-bell').filter({ visible: true })).toBeVisible();
  const queueHeading = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(queueHeading).not.toBe('');
  // Stored under their own key, which the cache serves for a bounded time.
  const keys = await withDatabase(async (client) => (await client.query<{ key: string }>(
    `SELECT key FROM "PageCacheEntry" WHERE strpos(key, $1) > 0 AND key LIKE '%/cached/facilitator/matches'`, [`/uk~${userId}.`])).rows.map((row) => row.key));
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(isReaderPageKey(key.slice(key.indexOf(':') + 1)), key).toBe(true);

  // Their address (the locale segment names them, signed), asked for by anyone else — another
  // member, or nobody — is not found.
  const segment = keys[0].slice(keys[0].indexOf(`/uk~${userId}.`) + 1).split('/')[0];
  const own = `/${segment}/cached/facilitator/matches`;
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, demoEmail('company-05'));
    for (const instance of [FIRST, SECOND]) {
      const stolen = await other.request.get(instance + own, { maxRedirects: 0 });
      expect(stolen.status()).toBe(404);
      expect(stolen.headers()['x-nextjs-cache']).toBeUndefined();
    }
  } finally {
    await other.close();
  }
  expect((await request.get(FIRST + own, { maxRedirects: 0 })).status()).toBe(404);
  // Nor with the mark percent-encoded, which Next decodes into the same segment after the proxy.
  for (const encoded of [own.replace('~', '%7E'), own.replace('~', '%7e'), own.replace('uk~', '%75k~')]) {
    // …by anybody, and by the reader themselves (no address we write is encoded).
    for (const asker of [request, page.request]) {
      const forged = await asker.get(FIRST + encoded, { maxRedirects: 0 });
      expect(forged.status(), encoded).toBe(404);
      expect(await forged.text(), encoded).not.toContain(queueHeading);
    }
  }
  // Their own session, at an address naming them without its signature, or one that is not a page
  // kept per reader: not found either.
  expect((await page.request.get(`${FIRST}/uk~${userId}/cached/facilitator/matches`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(`${FIRST}/uk~${userId}/account`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(`${FIRST}/${segment}/cached/needs`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(`${FIRST}/${segment}/account`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await page.request.get(FIRST + own, { maxRedirects: 0 })).status()).toBe(200);

  // Signed out, a copy of the cookie reaches neither the page nor its address.
  const copied = (await context.cookies()).filter((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(copied).toHaveLength(1);
  await page.goto('/uk/account');
  await page.getByRole('button', { name: 'Вийти' }).filter({ visible: true }).first().click();
  await expect(page.getByRole('link', { name: /^(Увійти|Sign in|ログイン)$/ }).first()).toBeVisible();
  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    expect((await thief.request.get(FIRST + own, { maxRedirects: 0 })).status()).toBe(404);
    const thiefPage = await thief.newPage();
    await thiefPage.goto('/uk/facilitator/matches');
    await expect(thiefPage).toHaveURL(/\/uk\/sign-in/);
  } finally {
    await thief.close();
  }
});

test("a change to a need reaches a signed-in reader's next view of it, on either instance", async ({ page }) => {
  await signIn(page, demoEmail('company-05'));
  const need = await withDatabase(async (client) => (await client.query<{ id: string; title: string; language: string }>(
    `SELECT n.id, n.title, n.language FROM "Need" n JOIN "Municipality" m ON m.id = n."municipalityId"
      WHERE n.status = 'OPEN' AND m."verificationStatus" = 'VERIFIED' ORDER BY n."createdAt" DESC, n.id LIMIT 1`)).rows[0]);
  const path = `/${need.language}/needs/${need.id}`;
  await expect(async () => {
    await page.goto(FIRST + path);
    expect((await page.goto(SECOND + path))?.headers()['x-nextjs-cache']).toBe('HIT');
  }).toPass({ timeout: 30_000 });
  // The company's own part of the page: what the cached variant renders for a member.
  await expect(page.locator('#your-fit')).toBeAttached();

  const changed = `${need.title} (${Date.now()})`;
  await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [changed, need.id]));
  try {
    // The view that renders the page again goes out as the copy compressed to store it (whole, with
    // its length), as do the views Next answers with that render, not compressed once more each.
    await expect(async () => {
      const stamp = `(${Date.now()})`;
      const title = `${need.title} ${stamp}`;
      await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [title, need.id]));
      const rendered = await page.request.get(SECOND + path, { headers: { 'accept-encoding': 'br' } });
      expect(rendered.headers()['x-nextjs-cache']).toBe('MISS');
      expect(rendered.headers()['content-encoding']).toBe('br');
      expect(Number(rendered.headers()['content-length'])).toBeGreaterThan(0);
      expect(await rendered.text()).toContain(stamp);
      await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [changed, need.id]));
    }).toPass({ timeout: 30_000 });
    for (const instance of [SECOND, FIRST]) {
      await page.goto(instance + path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(changed);
    }
  } finally {
    await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [need.title, need.id]));
  }
});
