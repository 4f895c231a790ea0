import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { cleanPageCache } from '../../lib/cache/page-cache-cleanup';
import { stopWaiting, waitForStoredCopies, type EncodingScope } from '../../lib/cache/stored-encoding.mjs';
import { NOT_KEPT_TAG, READER_PAGE_MAX_AGE_MS, READER_PAGE_TAG } from '../../lib/cache/page-cache-tags.mjs';
import { PUBLIC_PAGE_TAGS } from '../../lib/cache/tag-page';
import { rollStatusesForward } from '../../lib/hostility-list/roll-forward';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// The public pages' cache (lib/cache/page-cache-handler.mjs) on a real PostgreSQL: an entry is
// served until a table it was read from changes, whichever code path changes it, and a
// response from the cache carries its own script policy. Other test files write to the same
// database at the same time, so an entry expected to stay fresh is tagged with a tag of its own.

type Handler = {
  get(key: string, context?: { kind: string }): Promise<{ lastModified: number; cacheControl?: unknown; value: { headers: Record<string, string>; html: string; rscData: Buffer } } | null>;
  set(key: string, data: unknown, context?: { cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
let handler: Handler;
let world: AccessWorld;

/** A handler as Next makes one for a build: given the build's server folder, BUILD_ID beside it. */
async function handlerOf(buildId: string | null): Promise<Handler> {
  const { default: PageCacheHandler } = await import('../../lib/cache/page-cache-handler.mjs');
  const dist = mkdtempSync(path.join(tmpdir(), 'page-cache-build-'));
  if (buildId !== null) writeFileSync(path.join(dist, 'BUILD_ID'), buildId);
  mkdirSync(path.join(dist, 'server'));
  return new PageCacheHandler({ serverDistDir: path.join(dist, 'server') }) as unknown as Handler;
}

beforeAll(async () => {
  process.env.DATABASE_URL = inject('databaseUrl');
  handler = await handlerOf('page-cache-test');
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const PUSH = 'self.__next_f.push([1,"0:[\\"$\\",\\"p\\",null,{}]"])';
const page = (tags: readonly string[], text = 'a need') => ({
  kind: 'APP_PAGE',
  html: `<html><body><p>${text}</p><script>${PUSH}</script></body></html>`,
  rscData: Buffer.from(`0:${text}`),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': ['_N_T_/layout', ...tags].join(',') },
  status: 200,
  postponed: undefined,
});
/** A render as Next does it: a miss first (which takes the database's snapshot), then the set. */
async function render(key: string, tags: readonly string[], text?: string) {
  await miss(key);
  await store(key, tags, text);
}
const miss = async (key: string) => expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
const store = (key: string, tags: readonly string[], text?: string) =>
  handler.set(key, page(tags, text), { cacheControl: { revalidate: false, expire: undefined } });
const served = async (key: string) => (await handler.get(key, { kind: 'APP_PAGE' })) !== null;
const freshKey = () => `/route-cache/APP_PAGE/test/$/en/cached/needs/${randomUUID()}`;
class RolledBack extends Error {}
const markedAt = async (tag: string) =>
  (await db.pageCacheTag.aggregate({ where: { tag }, _max: { invalidatedAt: true } }))._max.invalidatedAt?.getTime() ?? 0;
const context = { ip: '198.51.100.7' };
const run = (name: ActionName, actor: Actor, input: unknown) => runAction(db, name, operationOf(name), actor, input, context);

describe('the page cache in PostgreSQL', () => {
  it('serves a rendered page to every instance until its tag is invalidated', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'first');
    const hit = await handler.get(key, { kind: 'APP_PAGE' });
    expect(hit?.value.html).toContain('first');
    expect(Buffer.isBuffer(hit?.value.rscData)).toBe(true);
    expect(hit?.cacheControl).toEqual({ revalidate: false });
    // Another instance: its own handler, the same table.
    const other = await handlerOf('page-cache-test');
    expect((await other.get(key, { kind: 'APP_PAGE' }))?.value.html).toContain('first');

    await other.revalidateTag(own);
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });

  it("serves no page rendered by another build: its HTML names the other build's script files", async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const [before, after, sameBuild] = await Promise.all([handlerOf('build-before'), handlerOf('build-after'), handlerOf('build-before')]);
    expect(await before.get(key, { kind: 'APP_PAGE' })).toBeNull();
    await before.set(key, page([own], 'old build'), { cacheControl: { revalidate: false, expire: undefined } });
    expect((await sameBuild.get(key, { kind: 'APP_PAGE' }))?.value.html).toContain('old build');
    // The new build renders its own copy and serves that, and the old one still serves its own.
    expect(await after.get(key, { kind: 'APP_PAGE' })).toBeNull();
    await after.set(key, page([own], 'new build'), { cacheControl: { revalidate: false, expire: undefined } });
    expect((await after.get(key, { kind: 'APP_PAGE' }))?.value.html).toContain('new build');
    expect((await before.get(key, { kind: 'APP_PAGE' }))?.value.html).toContain('old build');
  });

  it('caches nothing without its BUILD_ID, rather than sharing keys with every other build', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    const noBuild = await handlerOf(null).finally(() => (console.error = consoleError));
    expect(errors).toEqual([expect.stringContaining('no BUILD_ID')]);
    // An entry under the bare key (as a build-less handler used to write and read) is not served…
    await db.pageCacheEntry.create({ data: { key, value: JSON.stringify({ value: page([own]) }), tags: [own], renderedAt: new Date() } });
    expect(await noBuild.get(key, { kind: 'APP_PAGE' })).toBeNull();
    // …and a render is not stored, under any key.
    await noBuild.set(key, page([own], 'no build'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await db.pageCacheEntry.findMany({ where: { key: { endsWith: key } }, select: { key: true } })).toEqual([{ key }]);
    // A handler given no server folder at all (Next's proxy makes those; they serve no page) caches nothing either.
    const { default: PageCacheHandler } = await import('../../lib/cache/page-cache-handler.mjs');
    const noFolder = new PageCacheHandler() as unknown as Handler;
    expect(await noFolder.get(key, { kind: 'APP_PAGE' })).toBeNull();
    await noFolder.set(key, page([own], 'no folder'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await db.pageCacheEntry.count({ where: { key: { endsWith: key } } })).toBe(1);
  });

  it('stores the page compressed (brotli, gzip) and offers the copies to the requests waiting for them', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'compressed once');
    /** A read while requests that accept these encodings are in flight: what each was offered. */
    const read = async (...encodings: EncodingScope['encoding'][]) => {
      const scopes: EncodingScope[] = encodings.map((encoding) => ({ encoding, offered: [] }));
      scopes.filter((scope) => scope.encoding).forEach(waitForStoredCopies);
      try {
        const hit = await handler.get(key, { kind: 'APP_PAGE' });
        return { html: hit?.value.html, offered: scopes.map((scope) => scope.offered.map((copies) => ({ ...copies }))) };
      } finally {
        scopes.forEach(stopWaiting);
      }
    };
    // Both copies, whichever encoding the requests in flight accept: Next may answer either from this read.
    const both = await read('br', 'gzip');
    expect(both.offered[0]).toHaveLength(1);
    const [copies] = both.offered[0];
    expect(copies.html).toBe(both.html);
    expect(brotliDecompressSync(copies.br!).toString()).toBe(both.html);
    expect(gunzipSync(copies.gzip!).toString()).toBe(both.html);
    expect(both.offered[1]).toEqual([copies]);
    // A request that accepts neither waits for nothing; with none waiting, no copy is read.
    expect((await read(null)).offered).toEqual([[]]);
    // Outside any request, the entry is served as before.
    expect((await handler.get(key, { kind: 'APP_PAGE' }))?.value.html).toContain('compressed once');
    // A stale entry offers nothing: the page is rendered again, its new copies stored with it.
    await handler.revalidateTag(own);
    const stale = await read('br');
    expect(stale.html).toBeUndefined();
    expect(stale.offered).toEqual([[]]);
  });

  it("offers a render's new copies to the requests waiting, which Next answers with that render (its batcher)", async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await miss(key);
    const waiting: EncodingScope[] = [{ encoding: 'br', offered: [] }, { encoding: 'gzip', offered: [] }, { encoding: null, offered: [] }];
    waiting.forEach(waitForStoredCopies);
    const rendered = page([own], 'rendered after a write');
    try {
      await handler.set(key, rendered, { cacheControl: { revalidate: false, expire: undefined } });
      const [br, gzip, none] = waiting.map((scope) => scope.offered.map((copies) => ({ ...copies })));
      // The very HTML Next sends (the same string), with the copies stored with it.
      expect(br).toHaveLength(1);
      expect(br[0].html).toBe(rendered.html);
      expect(brotliDecompressSync(br[0].br!).toString()).toBe(rendered.html);
      expect(gunzipSync(gzip[0].gzip!).toString()).toBe(rendered.html);
      expect(none).toEqual([]);
    } finally {
      waiting.forEach(stopWaiting);
    }
    // A route's render (the map's data) offers its body's copies the same way.
    const routes = await handlerOf(`route-${randomUUID()}`);
    const routeKey = '/route-cache/APP_ROUTE/test/$/api/map/needs/en';
    const routeWaiting: EncodingScope = { encoding: 'gzip', offered: [] };
    waitForStoredCopies(routeWaiting);
    const body = Buffer.from('{"hromadas":[]}');
    try {
      expect(await routes.get(routeKey, { kind: 'APP_ROUTE' })).toBeNull();
      await routes.set(routeKey, { kind: 'APP_ROUTE', status: 200, body, headers: { 'x-next-cache-tags': own } }, { cacheControl: { revalidate: false, expire: undefined } });
      expect(routeWaiting.offered).toHaveLength(1);
      expect(routeWaiting.offered[0].body?.equals(body)).toBe(true);
      expect(gunzipSync(routeWaiting.offered[0].gzip!).toString()).toBe('{"hromadas":[]}');
    } finally {
      stopWaiting(routeWaiting);
    }
    // A render that is not kept offers nothing: its responses are compressed as they are sent.
    const notKept = { encoding: 'br' as const, offered: [] };
    waitForStoredCopies(notKept);
    try {
      await handler.set(freshKey(), { ...page([own]), status: 404 }, { cacheControl: { revalidate: false, expire: undefined } });
      expect(notKept.offered).toEqual([]);
    } finally {
      stopWaiting(notKept);
    }
  });

  it('records that its build uses the cache, so the clean-up keeps its entries', async () => {
    const build = `build-${randomUUID()}`;
    const instance = await handlerOf(build);
    await instance.get(freshKey(), { kind: 'APP_PAGE' });
    await expect.poll(async () => (await db.pageCacheBuild.findUnique({ where: { build } }))?.seenAt.getTime() ?? 0).toBeGreaterThan(Date.now() - 60_000);
  });

  it("puts a policy on the entry that allows exactly the page's own inline scripts", async () => {
    const key = freshKey();
    await render(key, [`test-${randomUUID()}`]);
    const policy = (await handler.get(key, { kind: 'APP_PAGE' }))!.value.headers['content-security-policy'];
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(policy).not.toContain('nonce');
  });


  it("keeps nothing but pages and routes' responses (unstable_cache's data entries only tag them)", async () => {
    await handler.set('fetch-key', { kind: 'FETCH', data: { body: 'x' }, revalidate: false });
    expect(await handler.get('fetch-key', { kind: 'FETCH' })).toBeNull();
    expect(await db.pageCacheEntry.count({ where: { key: 'fetch-key' } })).toBe(0);
  });

  it("keeps the map data's responses as it keeps a page: served until its tag is marked, never a failure, and no other route's", async () => {
    // A build of its own: the route's key is the same in every build, and tests share the table.
    const build = `route-${randomUUID()}`;
    const routes = await handlerOf(build);
    const key = '/route-cache/APP_ROUTE/test/$/api/map/needs/en';
    const own = `test-${randomUUID()}`;
    const response = (status: number, body: string) => ({
      kind: 'APP_ROUTE', status, body: Buffer.from(body), headers: { 'content-type': 'application/json', 'x-next-cache-tags': own },
    });
    const asRoute = { kind: 'APP_ROUTE' };
    const cached = async (routeKey: string) => (await routes.get(routeKey, asRoute)) as unknown as { value: { body: Buffer; status: number } } | null;
    expect(await cached(key)).toBeNull();
    await routes.set(key, response(200, '{"hromadas":[]}'), { cacheControl: { revalidate: false, expire: undefined } });
    const hit = await cached(key);
    expect(hit?.value.status).toBe(200);
    expect(hit?.value.body.toString()).toBe('{"hromadas":[]}');
    // Compressed once, as stored, for the server to send (lib/http/response-encoding.ts).
    const copies = await db.pageCacheEntry.findUniqueOrThrow({ where: { key: `${build}:${key}` }, select: { htmlBrotli: true, htmlGzip: true } });
    expect(brotliDecompressSync(copies.htmlBrotli!).toString()).toBe('{"hromadas":[]}');
    expect(gunzipSync(copies.htmlGzip!).toString()).toBe('{"hromadas":[]}');
    await routes.revalidateTag(own);
    expect(await cached(key)).toBeNull();
    // A failure (the database was down: 500) is rendered again next time, not kept.
    await routes.set(key, response(500, '{"error":{}}'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await cached(key)).toBeNull();
    // Other static routes (the app's icons) are not kept: a read of this table per request for nothing.
    const icon = '/route-cache/APP_ROUTE/test/$/favicon.ico';
    expect(await cached(icon)).toBeNull();
    await routes.set(icon, response(200, 'icon'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await cached(icon)).toBeNull();
    expect(await db.pageCacheEntry.count({ where: { key: { startsWith: `${build}:` } } })).toBe(0);
  });

  it('keeps no page that did not answer 200: one "not found" per need id anyone asks for would grow without end', async () => {
    const key = freshKey();
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
    const notFound: { status: number; headers: Record<string, string> } = { ...page(['Need']), status: 404 };
    await handler.set(key, notFound, { cacheControl: { revalidate: false, expire: undefined } });
    expect(await db.pageCacheEntry.count({ where: { key } })).toBe(0);
    // This response still carries the page's own policy (Next sends the headers set here).
    expect(notFound.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });
});

/**
 * A transaction of its own, on its own connection, left open until the test ends it: a writer that
 * marks a tag as the triggers do (its txid, when its statement runs), or a reader that only holds
 * a transaction id (which keeps every snapshot's xmin at or below it).
 */
async function transaction() {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ txid: string }>('SELECT txid_current()::text AS txid');
  const end = async (how: 'COMMIT' | 'ROLLBACK') => {
    await client.query(how);
    await client.end();
  };
  return {
    txid: BigInt(rows[0].txid),
    mark: (tag: string) => client.query(`INSERT INTO "PageCacheTag" ("tag", "txid", "invalidatedAt") VALUES ($1, txid_current(), clock_timestamp())`, [tag]),
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
  };
}

describe('staleness by what the render could see (no margin, no clock)', () => {
  it('serves a page rendered just after a write committed: its render read the write', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own]);
    await handler.revalidateTag(own);
    expect(await served(key)).toBe(false);
    await render(key, [own]);
    expect(await served(key)).toBe(true);
  });

  it('serves a page whose miss came after the write committed, even while an older transaction is open', async () => {
    // The older transaction keeps the snapshot's xmin below the writer's txid: only the snapshot's
    // list of transactions in progress says that the writer had committed.
    const older = await transaction();
    try {
      const key = freshKey();
      const own = `test-${randomUUID()}`;
      const writer = await transaction();
      await writer.mark(own);
      await writer.commit();
      expect(writer.txid).toBeGreaterThan(older.txid);
      await render(key, [own]);
      expect(await served(key)).toBe(true);
    } finally {
      await older.rollback();
    }
  });

  it('does not serve a page whose miss came while a writer was in flight, once that writer commits', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const writer = await transaction();
    await writer.mark(own);
    await miss(key); // the render may read the rows before the writer commits…
    await writer.commit(); // …and the writer commits before the entry is stored
    await store(key, [own]);
    expect(await served(key)).toBe(false);
  });

  it('serves a page whose miss came while a writer was in flight, when that writer rolls back', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const writer = await transaction();
    await writer.mark(own);
    await miss(key);
    await writer.rollback();
    await store(key, [own]);
    expect(await served(key)).toBe(true);
  });

  it('stays stale when writers commit out of txid order, through other renders of the tag', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const first = await transaction(); // the lower txid, marked first…
    await first.mark(own);
    const second = await transaction();
    await second.mark(own);
    await second.commit(); // …committed last: the snapshot sees the second writer, not the first
    await miss(key);
    await first.commit();
    await store(key, [own]);
    expect(await served(key)).toBe(false);
    // Another page of the same tag is rendered and stored (where all but a tag's newest mark used
    // to be pruned): the first writer's mark, the older one, must stay while the entry needs it.
    await render(freshKey(), [own]);
    expect(await db.pageCacheTag.count({ where: { tag: own, txid: first.txid } })).toBe(1);
    expect(await served(key)).toBe(false);
  });

  it('does not serve a page whose render was in flight while the clean-up removed the mark it is stale by', async () => {
    // The clean-up's horizon is the lowest xmin of every stored entry's snapshot: entries left by
    // earlier tests (files run one at a time) would hold it below this writer, so they go first.
    await db.pageCacheEntry.deleteMany();
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const writer = await transaction();
    await writer.mark(own);
    await miss(key);
    await writer.commit();
    // Nothing stored needs the writer's mark, and the current snapshot sees it: the clean-up removes it.
    await cleanPageCache(db);
    expect(await db.pageCacheTag.count({ where: { tag: own } })).toBe(0);
    await store(key, [own]);
    expect(await served(key)).toBe(false);
  });

  it('does not serve an entry stored without a snapshot (before snapshots were kept, or a set without its miss)', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await store(key, [own]); // no miss came first
    expect(await served(key)).toBe(false);
    await render(key, [own]);
    expect(await served(key)).toBe(true);
  });
});

describe('one render per invalidation, for all instances (the render lease)', () => {
  const APP_PAGE = { kind: 'APP_PAGE' };
  /** Each of Next's requests makes its own handler; here each stands for a request on another instance. */
  const instances = (count: number) => Promise.all(Array.from({ length: count }, () => handlerOf('page-cache-test')));
  const textOf = (entry: Awaited<ReturnType<Handler['get']>>) => entry?.value.html.match(/<p>(.*?)<\/p>/)?.[1] ?? null;
  const leaseOf = async (key: string) => (await db.$queryRaw<{ lease: string | null; live: boolean | null }[]>`
    SELECT "renderLease"::text AS lease, "renderLeaseUntil" > clock_timestamp() AS live FROM "PageCacheEntry" WHERE key = ${'page-cache-test:' + key}`)[0];
  /** As if the lease's holder had died RENDER_LEASE_MS ago: its expiry passed (the only clock the rule reads). */
  const expireLease = (key: string) => db.$executeRaw`
    UPDATE "PageCacheEntry" SET "renderLeaseUntil" = clock_timestamp() - interval '1 millisecond' WHERE key = ${'page-cache-test:' + key}`;

  it('of many concurrent misses of a stale page on different instances, one renders and the others are served the stored copy', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'before');
    await handler.revalidateTag(own);
    const requests = await instances(12);
    const answers = await Promise.all(requests.map((request) => request.get(key, APP_PAGE)));
    expect(answers.filter((answer) => answer === null)).toHaveLength(1);
    expect(answers.filter((answer) => answer !== null).map(textOf)).toEqual(Array(11).fill('before'));
    expect(await leaseOf(key)).toEqual({ lease: expect.any(String), live: true });
    // The render stores the page and ends its lease: every instance is served the new page.
    const renderer = requests[answers.indexOf(null)];
    await renderer.set(key, page([own], 'after'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await leaseOf(key)).toEqual({ lease: null, live: null });
    for (const request of await instances(3)) expect(textOf(await request.get(key, APP_PAGE))).toBe('after');
  });

  it('renders on the first request after a write: the stored copy is only for requests while that render runs', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'before');
    await handler.revalidateTag(own);
    const [first, second] = await instances(2);
    expect(await first.get(key, APP_PAGE)).toBeNull();
    expect(textOf(await second.get(key, APP_PAGE))).toBe('before');
  });

  it('takes no lease on a fresh page, nor on a page never stored (there is no copy to serve)', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    const [first, second] = await instances(2);
    expect(await first.get(key, APP_PAGE)).toBeNull();
    expect(await second.get(key, APP_PAGE)).toBeNull();
    await first.set(key, page([own], 'stored'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(textOf(await second.get(key, APP_PAGE))).toBe('stored');
    expect(await leaseOf(key)).toEqual({ lease: null, live: null });
  });

  it('serves the stored copy only while the lease lives: once it runs out, the copy is dropped and misses render', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'before');
    await handler.revalidateTag(own);
    const [died, waiting, next, later, last] = await instances(5);
    expect(await died.get(key, APP_PAGE)).toBeNull(); // its render never stores anything (it threw, or its instance died)
    expect(textOf(await waiting.get(key, APP_PAGE))).toBe('before');
    await expireLease(key);
    // Nobody renders under that lease any more: the stale copy is not served again.
    expect(await next.get(key, APP_PAGE)).toBeNull();
    expect(await leaseOf(key)).toBeUndefined();
    expect(await later.get(key, APP_PAGE)).toBeNull();
    // The first render stores after all, late: judged by its own snapshot like any other, it is
    // fresh (no write since) and served.
    await died.set(key, page([own], 'late'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(textOf(await last.get(key, APP_PAGE))).toBe('late');
  });

  it('drops the stored copy when the render holding the lease answers "not found" (a need closed since)', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'open need');
    await handler.revalidateTag(own);
    const [renderer, other] = await instances(2);
    expect(await renderer.get(key, APP_PAGE)).toBeNull();
    await renderer.set(key, { ...page([own], 'not found'), status: 404 }, { cacheControl: { revalidate: false, expire: undefined } });
    expect(await leaseOf(key)).toBeUndefined();
    expect(await other.get(key, APP_PAGE)).toBeNull();
  });

  it('drops the stored copy when the render holding the lease produces no page at all', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'open need');
    await handler.revalidateTag(own);
    const [renderer, other] = await instances(2);
    expect(await renderer.get(key, APP_PAGE)).toBeNull();
    await renderer.set(key, null, { cacheControl: { revalidate: false, expire: undefined } });
    expect(await leaseOf(key)).toBeUndefined();
    expect(await other.get(key, APP_PAGE)).toBeNull();
  });

  it('does not bring back the page of a render that outlived its lease and is stale when it stores', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'open need');
    await handler.revalidateTag(own);
    const [slow, next, after, other] = await instances(4);
    expect(await slow.get(key, APP_PAGE)).toBeNull(); // takes the lease, renders slowly
    await expireLease(key);
    expect(await next.get(key, APP_PAGE)).toBeNull(); // the copy is dropped
    await handler.revalidateTag(own); // the need closes; readers now see it closed
    // The slow render stores its page, drawn before the close: stale, and not over its own copy.
    await slow.set(key, page([own], 'open need'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await leaseOf(key)).toBeUndefined();
    expect(await after.get(key, APP_PAGE)).toBeNull();
    expect(await other.get(key, APP_PAGE)).toBeNull();
  });

  it('renders again when a write lands during the render: its page is stored stale, and the lease is free', async () => {
    const key = freshKey();
    const own = `test-${randomUUID()}`;
    await render(key, [own], 'first');
    await handler.revalidateTag(own);
    const [renderer, next] = await instances(2);
    expect(await renderer.get(key, APP_PAGE)).toBeNull();
    await handler.revalidateTag(own); // a second write, after the render's snapshot
    await renderer.set(key, page([own], 'second'), { cacheControl: { revalidate: false, expire: undefined } });
    expect(await next.get(key, APP_PAGE)).toBeNull();
  });
});

describe('invalidation by the tables the public pages read', () => {
  const tables = [...new Set(Object.values(PUBLIC_PAGE_TAGS).flat())];

  /** Whether the statement marks the tag inside its own transaction; rolled back after. */
  async function marks(statement: string, tag: string): Promise<boolean> {
    let seen = false;
    await db
      .$transaction(async (tx) => {
        const [{ at }] = await tx.$queryRawUnsafe<{ at: Date }[]>('SELECT clock_timestamp() AS at');
        await tx.$executeRawUnsafe(statement);
        const [mark] = await tx.$queryRawUnsafe<{ invalidatedAt: Date | null }[]>('SELECT max("invalidatedAt") AS "invalidatedAt" FROM "PageCacheTag" WHERE tag = $1', tag);
        seen = mark.invalidatedAt !== null && mark.invalidatedAt.getTime() >= at.getTime() - 1;
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    return seen;
  }

  it.each(tables)('a statement on %s marks its tag, in the writer’s transaction (even one that changes no row)', async (table) => {
    expect(await marks(`DELETE FROM "${table}" WHERE false`, table)).toBe(true);
  });

  it.each(['Company', 'Municipality'])('on %s, only a change of verification does', async (table) => {
    expect(await marks(`UPDATE "${table}" SET "verificationStatus" = "verificationStatus" WHERE false`, table)).toBe(true);
    expect(await marks(`UPDATE "${table}" SET "updatedAt" = "updatedAt" WHERE false`, table)).toBe(false);
  });

  it('lets writers to the same table go on without waiting for one another (no shared row to lock)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let marked!: () => void;
    const firstMarked = new Promise<void>((resolve) => (marked = resolve));
    // The first writer marks "Need" and stays open…
    const first = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('DELETE FROM "Need" WHERE false');
      marked();
      await held;
    }, { timeout: 30_000 });
    await firstMarked;
    try {
      // …while a second one marks it too: refused if it would have to wait for the first.
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL lock_timeout = '2s'");
        await tx.$executeRawUnsafe('DELETE FROM "Need" WHERE false');
      });
    } finally {
      release();
      await first;
    }
  });

  it('does not invalidate the public pages when a company edits its profile (they show only how many are verified)', async () => {
    const before = await markedAt('Company');
    await db.company.update({ where: { id: world.company.id }, data: { legalNameEn: `Renamed ${randomUUID()}` } });
    expect(await markedAt('Company')).toBe(before);
  });

  it("does not invalidate them when re-ranking moves a need's list floor (the pages do not show it)", async () => {
    const before = await markedAt('Need');
    await db.$executeRaw`UPDATE "Need" SET "matchFloor" = "matchFloor" + 1 WHERE id = ${world.openNeed.id}::uuid`;
    expect(await markedAt('Need')).toBe(before);
  });

  it('marks "Need" on a change to any of its other columns (a column added later must be listed in the trigger)', async () => {
    const [{ missing }] = await db.$queryRaw<{ missing: string[] }[]>`
      SELECT coalesce(array_agg(a.attname::text ORDER BY a.attname), '{}') AS missing
      FROM pg_attribute a
      WHERE a.attrelid = '"Need"'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'matchFloor'
        AND a.attnum NOT IN (SELECT unnest(t.tgattr::int2[]) FROM pg_trigger t WHERE t.tgname = 'Need_page_cache' AND t.tgrelid = '"Need"'::regclass)`;
    expect(missing).toEqual([]);
  });

  it('a need closed through its action makes the need page, the list and home stale', async () => {
    const keys = { need: freshKey(), needs: freshKey(), home: freshKey() };
    for (const [name, key] of Object.entries(keys)) await render(key, PUBLIC_PAGE_TAGS[name as keyof typeof PUBLIC_PAGE_TAGS]);
    const need = await db.need.findUniqueOrThrow({ where: { id: world.openNeed.id } });
    const result = await run('closeNeed', world.municipalityRep.actor, { needId: need.id, expectedVersion: need.version, reason: 'FULFILLED', duplicateOfNeedId: null });
    expect(result).toMatchObject({ ok: true });
    for (const key of Object.values(keys)) expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });

  it("a company's verification makes home stale (its count of verified companies)", async () => {
    const key = freshKey();
    await render(key, PUBLIC_PAGE_TAGS.home);
    const company = await createCompany(db);
    const result = await run('verifyOrganisation', world.facilitator.actor, { kind: 'company', id: company.id, decision: 'VERIFIED', expectedVersion: company.version });
    expect(result).toMatchObject({ ok: true });
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });

  it("a translation saved for a need's text makes the needs pages stale", async () => {
    const key = freshKey();
    await render(key, PUBLIC_PAGE_TAGS.needs);
    const need = await createNeed(db, world.municipality, { language: 'uk' });
    const result = await run('saveTranslation', world.facilitator.actor, { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'ja', translation: '給水施設の非常用電源', expectedVersion: null });
    expect(result).toMatchObject({ ok: true });
    expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });

  it("the daily roll-forward of the hostility statuses makes every public page stale", async () => {
    const keys = Object.keys(PUBLIC_PAGE_TAGS).map((name) => [name, freshKey()] as const);
    for (const [name, key] of keys) await render(key, PUBLIC_PAGE_TAGS[name as keyof typeof PUBLIC_PAGE_TAGS]);
    await rollStatusesForward(db, new Date(Date.UTC(2099, 0, 1)));
    for (const [, key] of keys) expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  });
});

describe("the signed-in pages kept per reader (lib/cache/reader-pages.ts)", () => {
  /** Tables no page kept per reader shows, so they carry no mark of its tag (migration 20261204093000). */
  const NOT_SHOWN = ['AuditLog', 'PendingSignUp', 'UserSession', 'PasswordResetToken', 'RateLimitBucket', 'PlatformSecret', 'OutboxEmail', 'PageCacheEntry', 'PageCacheBuild', 'PageCacheTag', 'PageCacheMarkHorizon'];
  const readerKey = () => `/route-cache/APP_PAGE/test/$/en~${randomUUID()}.c2lnbmF0dXJlLW9mLXRlc3Q/cached/facilitator/matches`;

  it('marks their tag on a statement on any table they may show, and a table added later must say whether they do', async () => {
    const rows = await db.$queryRaw<{ table: string; marked: boolean }[]>`
      SELECT c.relname::text AS "table", EXISTS (
        SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE t.tgrelid = c.oid AND p.proname = 'page_cache_invalidate' AND NOT t.tgisinternal
           AND encode(t.tgargs, 'escape') = ${READER_PAGE_TAG} || '\\000'
           -- statement level (bit 0 clear), after; insert 4, delete 8, update 16, truncate 32
           AND t.tgtype & 1 = 0 AND t.tgtype & 60 = 60
      ) AS "marked"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        AND c.relname !~ '_(next|retired_.*)$'`;
    expect(rows.length).toBeGreaterThan(40);
    const unmarked = rows.filter((row) => !row.marked).map((row) => row.table).sort();
    expect(unmarked).toEqual([...NOT_SHOWN].sort());
  });

  it.each(['Match', 'MatchDecision', 'Interest', 'Notice', 'User', 'Company'])('a statement on %s marks it in the writer’s transaction', async (table) => {
    let seen = false;
    await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE false`);
        const [mark] = await tx.$queryRawUnsafe<{ mine: boolean }[]>(
          'SELECT EXISTS (SELECT 1 FROM "PageCacheTag" WHERE tag = $1 AND txid = txid_current()) AS mine', READER_PAGE_TAG);
        seen = mark.mine;
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(seen).toBe(true);
  });

  it("are not marked by a sign-in (User.lastSignInAt, which they do not show), and any other column of User marks them", async () => {
    // Every column but the sign-in's two is listed in the trigger: a column added later must be too.
    const [{ missing }] = await db.$queryRaw<{ missing: string[] }[]>`
      SELECT coalesce(array_agg(a.attname::text ORDER BY a.attname), '{}') AS missing
      FROM pg_attribute a
      WHERE a.attrelid = '"User"'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attname NOT IN ('lastSignInAt', 'updatedAt')
        AND a.attnum NOT IN (SELECT unnest(t.tgattr::int2[]) FROM pg_trigger t WHERE t.tgname = 'User_reader_page_cache' AND t.tgrelid = '"User"'::regclass)`;
    expect(missing).toEqual([]);
    // What a sign-in writes marks nothing; a change of name does. Each in a transaction of its own,
    // rolled back, whose own mark is looked for (other files write meanwhile).
    const user = await db.user.findFirstOrThrow({ select: { id: true, name: true } });
    const marksOwnTransaction = async (data: { lastSignInAt: Date } | { name: string }) => {
      let marked: boolean | undefined;
      try {
        await db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: user.id }, data });
          [{ marked }] = await tx.$queryRaw<{ marked: boolean }[]>`
            SELECT EXISTS (SELECT 1 FROM "PageCacheTag" WHERE tag = ${READER_PAGE_TAG} AND txid = txid_current()) AS marked`;
          throw new RolledBack();
        });
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error;
      }
      return marked;
    };
    expect(await marksOwnTransaction({ lastSignInAt: new Date() })).toBe(false);
    expect(await marksOwnTransaction({ name: `${user.name} (renamed)` })).toBe(true);
  });

  it("serves a reader's page until a write marks the tag, and no longer than their age allows", async () => {
    const own = `test-${randomUUID()}`;
    const [reader, visitors] = [readerKey(), freshKey()];
    await render(reader, [READER_PAGE_TAG, own], 'theirs');
    await render(visitors, [own], 'everyone');
    expect(await served(reader)).toBe(true);
    // Older than the age a reader's page is kept for: rendered again; a public page of the same age is still served.
    const past = new Date(Date.now() - READER_PAGE_MAX_AGE_MS - 5_000);
    await db.pageCacheEntry.updateMany({ where: { key: { in: [`page-cache-test:${reader}`, `page-cache-test:${visitors}`] } }, data: { renderedAt: past } });
    expect(await served(reader)).toBe(false);
    expect(await served(visitors)).toBe(true);
    // Rendered again, then a write to a table such a page shows: rendered again.
    await store(reader, [READER_PAGE_TAG, own], 'theirs again');
    expect(await served(reader)).toBe(true);
    await db.$executeRaw`DELETE FROM "MatchDecision" WHERE false`;
    expect(await served(reader)).toBe(false);
  });

  it('keeps no render that showed a state ending without a write (a ranking in progress)', async () => {
    const key = readerKey();
    await render(key, [READER_PAGE_TAG, NOT_KEPT_TAG], 'ranking in progress');
    expect(await db.pageCacheEntry.count({ where: { key: `page-cache-test:${key}` } })).toBe(0);
    await render(key, [READER_PAGE_TAG], 'settled');
    expect(await served(key)).toBe(true);
  });

  it('lets the clean-up remove the pages past their age', async () => {
    const key = readerKey();
    await render(key, [READER_PAGE_TAG], 'old');
    await db.pageCacheEntry.update({ where: { key: `page-cache-test:${key}` }, data: { renderedAt: new Date(Date.now() - READER_PAGE_MAX_AGE_MS - 5_000) } });
    await cleanPageCache(db);
    expect(await db.pageCacheEntry.count({ where: { key: `page-cache-test:${key}` } })).toBe(0);
  });
});
