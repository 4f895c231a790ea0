import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { demoEmail, signIn, withDatabase } from './helpers';

// The public pages an anonymous visitor reads come from Next's cache, kept in PostgreSQL and
// shared by both instances of tests/e2e/serve.ts; a change to what they show reaches the very
// next visitor on either instance, and a signed-in visitor still gets their own page
// (docs/decisions/018-public-pages-from-the-cache.md).

const FIRST = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const SECOND = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 10}`;

/** The newest public need: the demo world's journeys do not read it. */
const newestPublicNeed = () =>
  withDatabase(async (client) => (await client.query<{ id: string; title: string; language: string }>(
    `SELECT n.id, n.title, n.language FROM "Need" n JOIN "Municipality" m ON m.id = n."municipalityId"
      WHERE n.status = 'OPEN' AND m."verificationStatus" = 'VERIFIED' ORDER BY n."createdAt" DESC, n.id LIMIT 1`,
  )).rows[0]);

test('anonymous reads of the public pages are served from the cache, with a policy that allows only their own scripts', async ({ request }) => {
  const need = await newestPublicNeed();
  for (const path of ['/en', '/ja/needs', '/en/needs?page=2', '/uk/needs?view=map', `/en/needs/${need.id}`]) {
    // Two requests in a row, the second from the cache without rendering (other tests' writes
    // may invalidate the entry in between, so until it happens).
    await expect(async () => {
      await request.get(FIRST + path);
      const again = await request.get(FIRST + path);
      expect(again.status()).toBe(200);
      expect(again.headers()['x-nextjs-cache'], path).toBe('HIT');
      const policy = again.headers()['content-security-policy'];
      expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(policy.split('; ').find((directive) => directive.startsWith('script-src'))).not.toMatch(/'nonce-|'unsafe-inline'|'strict-dynamic'/);
    }).toPass({ timeout: 20_000 });
  }
  // A page past the list's last is not found, and nothing is kept for it.
  expect((await request.get(FIRST + '/en/needs?page=999')).status()).toBe(404);
  // The cached route can be named directly: only the list's own page numbers are pages there
  // (page 1 has the list's entry), so invented ones neither answer nor fill the cache.
  const invented = ['abc', '02', '1', '2.0', '-5'];
  for (const page of invented) expect((await request.get(`${FIRST}/en/cached/needs/page/${page}`)).status(), page).toBe(404);
  const keptFor = (pages: string[]) => withDatabase(async (client) => (await client.query<{ key: string }>(
    `SELECT key FROM "PageCacheEntry" WHERE key ~ ('/cached/needs/page/(' || $1 || ')([^0-9.]|$)')`, [pages.map((page) => page.replace('.', '\\.')).join('|')],
  )).rows);
  expect(await keptFor(['2'])).not.toEqual([]); // page 2, cached above: the query finds a real entry
  expect(await keptFor(invented)).toEqual([]);
});

type Bytes = { status: number; headers: IncomingHttpHeaders; body: Buffer };
/** A response's bytes as they travel (Playwright's and fetch's clients decompress them). */
const bytesOf = (url: string, headers: Record<string, string>, method = 'GET') =>
  new Promise<Bytes>((resolve, reject) => {
    httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
const decoded = ({ headers, body }: Bytes) =>
  (headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString();
/** What Chromium sends. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

test('a cached page goes out as the copy compressed when it was stored, in the encoding the client accepts', async () => {
  test.setTimeout(240_000);
  const need = await newestPublicNeed();
  for (const path of ['/en', '/ja/needs', '/en/needs?page=2', '/uk/needs?view=map', `/en/needs/${need.id}`]) {
    // Until three requests in a row are served from the cache (other tests' writes invalidate it).
    await expect(async () => {
      await bytesOf(FIRST + path, { 'accept-encoding': BROWSER_ENCODINGS });
      const plain = await bytesOf(FIRST + path, { 'accept-encoding': 'identity' });
      const br = await bytesOf(FIRST + path, { 'accept-encoding': BROWSER_ENCODINGS });
      const gzip = await bytesOf(SECOND + path, { 'accept-encoding': 'gzip' });
      for (const [name, response] of Object.entries({ plain, br, gzip })) {
        expect(response.status, `${path} ${name}`).toBe(200);
        expect(response.headers['x-nextjs-cache'], `${path} ${name}`).toBe('HIT');
        expect(response.headers.vary, `${path} ${name}`).toMatch(/accept-encoding/i);
        // Sent whole, with its length: the stored copy (compression on the fly streams, unsized).
        expect(Number(response.headers['content-length']), `${path} ${name}`).toBe(response.body.length);
      }
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(br.headers['content-encoding']).toBe('br');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(decoded(br)).toBe(plain.body.toString());
      expect(decoded(gzip)).toBe(plain.body.toString());
      expect(br.body.length).toBeLessThan(plain.body.length / 3);
      // The very bytes stored with the entry, not compressed again.
      const stored = await withDatabase(async (client) => (await client.query<{ br: number; gzip: number }>(
        `SELECT count(*) FILTER (WHERE "htmlBrotli" = $1)::int AS br, count(*) FILTER (WHERE "htmlGzip" = $2)::int AS gzip FROM "PageCacheEntry"`,
        [br.body, gzip.body],
      )).rows[0]);
      expect(stored).toEqual({ br: 1, gzip: 1 });
      // No validator: the page says no-store, so browsers keep no copy to revalidate, and Next no
      // longer hashes the whole page on every hit to make one (next.config.js generateEtags).
      for (const response of [plain, br, gzip]) expect(response.headers.etag).toBeUndefined();
      expect(br.headers['cache-control']).toContain('no-store');
    }).toPass({ timeout: 30_000 });
  }
  // HEAD: the headers, no body.
  const head = await bytesOf(FIRST + '/en', { 'accept-encoding': BROWSER_ENCODINGS }, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
});

test('what is not a stored page is compressed as it is sent, streamed, and never twice', async ({ page }) => {
  // A client navigation's payload (RSC) of a public page: the cached entry's own payload (Next
  // strips the `rsc` header before the proxy, which rewrites it as it does the page), compressed
  // as it is sent — only the HTML has stored copies.
  // (`_rsc` empty: the cache-busting value Next expects of a request with no router state.)
  const rsc = await bytesOf(FIRST + '/en/needs?_rsc=', { 'accept-encoding': BROWSER_ENCODINGS, rsc: '1' });
  expect(rsc.status).toBe(200);
  expect(rsc.headers['content-type']).toContain('text/x-component');
  expect(rsc.headers['x-nextjs-rewritten-path']).toBe('/en/cached/needs');
  expect(String(rsc.headers.vary).toLowerCase()).toContain('rsc');
  expect(rsc.headers['content-encoding']).toBe('br');
  expect(rsc.headers['content-length']).toBeUndefined();
  expect(rsc.headers['transfer-encoding']).toBe('chunked');
  expect(decoded(rsc)).toMatch(/^\d+:/m); // flight rows, decoded once
  // …from the entry, once it is stored (a write by another test may mark it stale in between).
  await expect(async () => {
    const again = await bytesOf(FIRST + '/en/needs?_rsc=', { 'accept-encoding': BROWSER_ENCODINGS, rsc: '1' });
    expect(again.headers['x-nextjs-cache']).toBe('HIT');
    expect(decoded(again)).toBe(decoded(rsc));
  }).toPass({ timeout: 20_000 });
  // A signed-in visitor's page: theirs, rendered and compressed per request.
  await signIn(page, demoEmail('company-01'));
  const response = await page.goto('/en/needs');
  expect(response?.headers()['content-encoding']).toBe('br');
  expect(response?.headers()['x-nextjs-cache']).toBeUndefined();
  await expect(page.getByTestId('notification-bell').filter({ visible: true })).toBeVisible();
});

test('an anonymous client navigation between public pages reads the cached payloads, and stays a client navigation', async ({ page }) => {
  const payloads: { path: string; servedFrom: string | undefined; type: string | undefined; status: number }[] = [];
  page.on('response', (response) => {
    if (response.request().headers()['rsc'] !== '1') return;
    payloads.push({ path: new URL(response.url()).pathname, servedFrom: response.headers()['x-nextjs-rewritten-path'], type: response.headers()['content-type'], status: response.status() });
  });
  const documents: string[] = [];
  page.on('request', (request) => void (request.resourceType() === 'document' && documents.push(request.url())));
  const list = await page.goto('/en/needs');
  expect(list?.headers()['x-nextjs-cache']).toMatch(/^(HIT|MISS|STALE)$/); // the cached variant (a page rendered per request has none)
  // The page's HTML and its payload differ for one URL: caches must keep them apart, by encoding too.
  expect(list?.headers()['vary']?.toLowerCase()).toMatch(/rsc.*accept-encoding|accept-encoding.*rsc/);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const first = page.getByRole('table', { name: 'Open needs' }).locator('tbody tr a').first();
  const href = await first.getAttribute('href');
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // No document was loaded for it: the client router applied the cached page's payload in place.
  expect(documents).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  const needPayloads = payloads.filter((payload) => payload.path === href && payload.status === 200);
  expect(needPayloads.length).toBeGreaterThan(0);
  for (const payload of needPayloads) {
    expect(payload.type).toContain('text/x-component');
    // The cached variant's payload (from the entry, or rendered into it when a write marked it stale).
    expect(payload.servedFrom).toBe(`/en/cached${href!.slice('/en'.length)}`);
  }
  // …and on to a page rendered per request (a filter), from the cached page's router state.
  await page.goto('/en');
  await page.getByRole('link', { name: 'Water and sanitation' }).click();
  await expect(page).toHaveURL(/\/needs\?sector=WATER_SANITATION/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open needs');
});

test('a change to a need reaches the next anonymous visitor on every instance', async ({ page, request }) => {
  const need = await newestPublicNeed();
  // In the need's own language, so the page shows its title as written.
  const path = `/${need.language}/needs/${need.id}`;
  // Rendered and cached by the first instance; the second serves that same entry.
  await expect(async () => {
    await request.get(FIRST + path);
    expect((await request.get(SECOND + path)).headers()['x-nextjs-cache']).toBe('HIT');
  }).toPass({ timeout: 20_000 });

  const changed = `${need.title} (${Date.now()})`;
  await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [changed, need.id]));
  try {
    for (const instance of [SECOND, FIRST]) {
      await page.goto(instance + path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(changed);
    }
  } finally {
    await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [need.title, need.id]));
  }
});

test("the map's data comes from the cache like the map, and a change to a need reaches it on every instance", async ({ request }) => {
  type MapData = { hromadas: { code: string; needs: { id: string; title: string; marker: string | null }[] }[] };
  let data: MapData | undefined;
  await expect(async () => {
    await request.get(FIRST + '/api/map/needs/uk');
    const again = await request.get(SECOND + '/api/map/needs/uk');
    expect(again.status()).toBe(200);
    expect(again.headers()['x-nextjs-cache']).toBe('HIT');
    // Kept here only: browsers and shared caches never hear of invalidations.
    expect(again.headers()['cache-control']).toContain('no-store');
    data = (await again.json()) as MapData;
  }).toPass({ timeout: 20_000 });
  // A title written in Ukrainian, shown as written; not the need the test above renames.
  const renamedAbove = (await newestPublicNeed()).id;
  const need = data!.hromadas.flatMap((hromada) => hromada.needs).find((listed) => listed.marker === null && listed.id !== renamedAbove)!;
  expect(need).toBeDefined();
  const changed = `${need.title} (${Date.now()})`;
  await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [changed, need.id]));
  try {
    // The first read after the write renders it; a read on the other instance during that render
    // may be served the previous copy, for at most the render lease (5 s), and then no longer.
    for (const instance of [SECOND, FIRST]) {
      await expect.poll(async () => {
        const read = (await (await request.get(instance + '/api/map/needs/uk')).json()) as MapData;
        return read.hromadas.flatMap((hromada) => hromada.needs).find((listed) => listed.id === need.id)?.title;
      }, { timeout: 10_000 }).toBe(changed);
    }
  } finally {
    await withDatabase((client) => client.query('UPDATE "Need" SET title = $1 WHERE id = $2', [need.title, need.id]));
  }
  // Sent as the copy compressed when it was stored, whole and sized, like a cached page.
  await expect(async () => {
    const br = await bytesOf(FIRST + '/api/map/needs/uk', { 'accept-encoding': BROWSER_ENCODINGS });
    expect(br.headers['x-nextjs-cache']).toBe('HIT');
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    const stored = await withDatabase(async (client) => (await client.query(`SELECT 1 FROM "PageCacheEntry" WHERE "htmlBrotli" = $1`, [br.body])).rowCount);
    expect(stored).toBe(1);
    expect(JSON.parse(decoded(br)).hromadas.length).toBeGreaterThan(5);
  }).toPass({ timeout: 20_000 });
  // A language the site does not speak: not found, and nothing kept for it.
  expect((await request.get(FIRST + '/api/map/needs/de')).status()).toBe(404);
  expect(await withDatabase(async (client) => (await client.query(`SELECT 1 FROM "PageCacheEntry" WHERE key LIKE '%/api/map/needs/de%'`)).rowCount)).toBe(0);
});

test('a signed-in visitor gets the public pages rendered for them, with their own header', async ({ page }) => {
  await signIn(page, demoEmail('company-01'));
  const need = await newestPublicNeed();
  for (const path of ['/en', '/en/needs']) {
    const response = await page.goto(path);
    expect(response?.headers()['x-nextjs-cache']).toBeUndefined();
    expect(response?.headers()['content-security-policy']).toContain("'nonce-");
    await expect(page.getByTestId('notification-bell').filter({ visible: true })).toBeVisible();
  }
  // A need's page is kept for each signed-in reader (tests/e2e/reader-cache.spec.ts): theirs, not the visitors' copy.
  const response = await page.goto(`/en/needs/${need.id}`);
  expect(response?.headers()['x-nextjs-cache']).toMatch(/^(HIT|MISS|STALE)$/);
  await expect(page.getByTestId('notification-bell').filter({ visible: true })).toBeVisible();
  // A page past the list's last is not found for them either, as for an anonymous visitor
  // (it was an empty list with 200), filtered or not. With the page's session cookie, and
  // without the browser logging the 404 as an error.
  for (const path of ['/en/needs?page=999', '/en/needs?sector=WATER_SANITATION&page=999']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['x-nextjs-cache'], path).toBeUndefined();
  }
  expect((await page.request.get('/en/needs?page=1')).status()).toBe(200);
});
