// Next.js's incremental cache (next.config.js `cacheHandler`), kept in PostgreSQL so that every
// instance serves and invalidates the same entries (docs/decisions/018-public-pages-from-the-cache.md).
// Plain JavaScript: Next loads this file at run time without compiling it.
//
// What is cached: the public pages anonymous visitors read, rendered statically under
// app/[locale]/cached (proxy.ts sends them there), the signed-in pages members read most, one entry
// per reader (lib/cache/reader-pages.ts), and the public map's data (a static route). The tags are the tables a page read
// (lib/cache/tag-page.ts); triggers on those tables mark them in the writer's own transaction
// (migration 20261201213323_page_cache), so a mark exists exactly when its writer committed. An
// entry is stale once a mark of one of its tags comes from a transaction its render may not have
// seen (FRESH_ENTRY). One render per invalidation for all instances: the first miss of a stale
// entry takes its render lease (a row's columns in PostgreSQL, not this process's memory) and renders
// while its visitor waits, so the first request after a write shows it; while that lease is live
// (RENDER_LEASE_MS at most), misses elsewhere are served the stored copy instead of rendering it too.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import pg from 'pg';
import { cachedPagePolicy } from '../security/content-security-policy.mjs';
import { anyRequestWaiting, KEPT_ROUTE, offerToWaitingRequests } from './stored-encoding.mjs';
import { columnsOf, entryOf } from './page-cache-entry.mjs';
import { isReaderPageKey, NOT_KEPT_TAG, READER_PAGE_MAX_AGE_MS } from './page-cache-tags.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Next's header listing an entry's tags (NEXT_CACHE_TAGS_HEADER). */
const TAGS_HEADER = 'x-next-cache-tags';

/**
 * Whether the entry `e` shows all the database has committed to its tables: SQL, shared with the
 * clean-up (page-cache-cleanup.ts). At the miss, before the render reads anything, the handler takes
 * the database's snapshot (pg_current_snapshot()); every read of the render comes later and sees at
 * least what that snapshot sees. So a writer the snapshot sees is in the page, and one it does not
 * see may or may not be: its mark — which appears when it commits, and never if it rolls back —
 * makes the entry stale. A transaction below the snapshot's xmin had ended before it: seen, and
 * skipped by the primary key's range (tag, txid ≥ xmin) without reading its mark. No clock, no
 * margin: a page rendered just after a write is fresh, one whose render overlapped it is not.
 * An entry without a snapshot is stale, and so is one whose snapshot's xmin is below the clean-up's
 * horizon: marks it should be stale by may have been removed while it was rendering.
 * A plain conjunction ending in NOT EXISTS, so that PostgreSQL plans the marks as an anti-join on
 * the primary key (inside NOT (… OR EXISTS …) it scanned every mark, once per entry).
 */
export const FRESH_ENTRY = `e."renderSnapshot" IS NOT NULL
  AND pg_snapshot_xmin(e."renderSnapshot")::text::bigint >= COALESCE((SELECT h."txid" FROM "PageCacheMarkHorizon" h), 0)
  AND NOT EXISTS (
    SELECT 1 FROM "PageCacheTag" t
     WHERE t."tag" = ANY (e."tags")
       AND t."txid" >= pg_snapshot_xmin(e."renderSnapshot")::text::bigint
       AND NOT pg_visible_in_snapshot(t."txid"::text::xid8, e."renderSnapshot")
  )`;

/**
 * How often an instance records that its build still uses the cache (PageCacheBuild), at most:
 * the hourly clean-up keeps the entries of builds seen within BUILD_KEPT_MS (page-cache-cleanup.ts).
 */
export const BUILD_SEEN_EVERY_MS = 10 * 60 * 1000;

/**
 * How long a render lease keeps other instances on the stored copy. A render that has not stored its
 * page by then has failed, died with its instance, or was slow; the next miss deletes the stored copy
 * and renders (takeRenderLease), so no stale copy is served longer than this. A render that answers
 * something other than a page to keep drops the copy at once (set). Renders
 * take 30–60 ms on a quiet machine and ran to 2–5 s on the loaded one (docs/benchmarks/pages.md,
 * session 9): past a render slower than the lease, every instance renders until one stores, as
 * before leases.
 */
export const RENDER_LEASE_MS = 5_000;

/**
 * The stored copies are compressed once per render, off the event loop (zlib's thread pool), but
 * still on the instance's cores, and every write to a table a page reads renders it again: levels
 * past the knee cost much and save little. On the demo map (124 KB of HTML), brotli 6 gives 23.2 KB
 * in ≈ 7 ms, 9 gives 23.0 KB in ≈ 70 ms (4 — the per-response level — 25.2 KB); gzip 9 saves < 1 %
 * over 6 (docs/benchmarks/pages.md, session 7).
 */
const GZIP_OPTIONS = { level: 6 };
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };

/** @type {pg.Pool | undefined} */
let pool;
function database() {
  // Created on first use, never at import: `next build` loads this file without a database.
  // The timeout also bounds the wait for one of the four connections: as the app's pool (lib/db.ts).
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  return pool;
}

/**
 * When this process last recorded each build in PageCacheBuild (one build in production). In the
 * module, not the handler: Next 16 makes a handler per request, and a field would upsert that one
 * row on every page view. Losing this value only means recording the build once more.
 * @type {Map<string, number>}
 */
const buildSeenAt = new Map();

/**
 * What is kept: rendered pages, and the responses of the one route read like a page — the public
 * map's data (app/api/map/needs/[locale]). Next hands over other static routes too (the app's
 * icons), which would cost a read of this table per request for nothing; unstable_cache's data
 * entries (used to tag pages) are not kept either.
 * @param {string} nextKey
 * @param {string | undefined} kind
 */
const isKept = (nextKey, kind) => kind === 'APP_PAGE' || (kind === 'APP_ROUTE' && KEPT_ROUTE.test(nextKey));

export default class PageCacheHandler {
  /**
   * The build this instance serves, in front of every key it reads and writes. Next's keys do not
   * name the build, and the entries outlive a deploy: a page rendered by the build before names
   * its script files (/_next/static/chunks/<hash>.js), which the new build no longer has, so
   * served after a deploy it would load without its scripts until the next write marked it stale.
   * Each build renders its own copies; the old build's go once marked stale (page-cache-cleanup.ts).
   * @type {string}
   */
  #build;

  /** @param {{ serverDistDir?: string }} [context] Next's: the build's server folder. */
  constructor(context) {
    this.#build = context?.serverDistDir ? buildIdIn(path.join(context.serverDistDir, '..')) : '';
    // Without its build the handler cannot tell its pages from another build's, so it caches
    // nothing (pages are rendered per request: correct, slower) rather than share keys with every
    // other build. Next's proxy (middleware) makes handlers without a server folder, which serve no
    // page; a server folder without BUILD_ID is a broken deploy and is said loudly. `next build`
    // runs before its BUILD_ID exists, and serves nothing.
    if (!this.#build && context?.serverDistDir && process.env.NEXT_PHASE !== 'phase-production-build') {
      console.error(`page cache: no BUILD_ID next to ${context.serverDistDir}; public pages are rendered per request, not cached`);
    }
  }

  /** @param {string} key */
  #keyOf(key) {
    return `${this.#build}:${key}`;
  }

  /**
   * Records, at most every BUILD_SEEN_EVERY_MS, that this build still reads and writes the cache,
   * so the clean-up keeps its entries while an instance serves it (a rolling deploy). Not waited
   * for: a failure only means the next use records it again.
   */
  #noteBuildSeen() {
    const now = Date.now();
    if (now - (buildSeenAt.get(this.#build) ?? -Infinity) < BUILD_SEEN_EVERY_MS) return;
    buildSeenAt.set(this.#build, now);
    database()
      .query(
        `INSERT INTO "PageCacheBuild" ("build", "seenAt") VALUES ($1, clock_timestamp())
         ON CONFLICT ("build") DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`,
        [this.#build],
      )
      .catch(() => buildSeenAt.delete(this.#build));
  }

  /**
   * This handler's render in flight: the snapshot and clock taken at its miss (get), read by the set
   * of that render. Next makes a handler per request (base-server.js puts a new IncrementalCache on
   * each request, which the page and route templates use), and the request that renders a key reads and stores it through its own
   * handler, so this holds that request's keys and goes with it: nothing is kept between requests,
   * and a render that never stores (it failed, or answered "not found") leaves nothing behind. A set
   * that finds no snapshot stores its entry stale. A second miss of the key before its set keeps the
   * older snapshot: it sees less, so the entry can only be judged stale more often, never served stale.
   * `lease` is the token of the render lease the miss took, when it found a stored copy stale.
   * @type {Map<string, { snapshot: string; at: Date; lease?: string }>}
   */
  #renders = new Map();

  /**
   * @param {string} nextKey
   * @param {{ kind?: string }} [context]
   */
  async get(nextKey, context) {
    if (!this.#build || (context?.kind && !isKept(nextKey, context.kind))) return null;
    this.#noteBuildSeen();
    const key = this.#keyOf(nextKey);
    // The compressed copies come with the entry, in the same round trip, when a request in flight
    // accepts one: both of them, as the requests Next answers from this one read may ask for either.
    // The server sends one only if Next answers a request with exactly the entry's HTML.
    const withCopies = anyRequestWaiting();
    // The entry is read twice in one statement (one snapshot): as stored (`s`, the copy a stale
    // entry serves while another render holds its lease) and only if fresh (`e`). The test stays
    // in the join, where PostgreSQL plans the marks as an anti-join on their primary key; as an
    // expression in the select list it became a subplan that scanned every mark (session 10 EXPLAIN).
    const { rows } = await database().query(
      `SELECT pg_current_snapshot()::text AS "snapshot", clock_timestamp() AS "now", s."value", s."html", s."rscData", s."segmentData", s."renderedAt",
              CASE WHEN $2 THEN s."htmlBrotli" END AS "br", CASE WHEN $2 THEN s."htmlGzip" END AS "gzip",
              e."key" IS NOT NULL AS "fresh", s."renderSnapshot"::text AS "storedSnapshot"
         FROM (SELECT 1) AS one
         LEFT JOIN "PageCacheEntry" s ON s."key" = $1
         LEFT JOIN "PageCacheEntry" e ON e."key" = $1 AND ${FRESH_ENTRY}`,
      [key, withCopies],
    );
    const row = rows[0];
    if (!row.value) return this.#miss(key, row);
    // A reader's page also shows what time alone changes: past its age it is stale like a marked one.
    const outlived = isReaderPageKey(nextKey) && new Date(row.now).getTime() - new Date(row.renderedAt).getTime() > READER_PAGE_MAX_AGE_MS;
    if (!row.fresh || outlived) {
      // Stale: one render for all instances; the others are served this copy meanwhile. Next makes
      // a handler per request, and its batcher sends one get per key and process at a time, so a
      // handler asking again for a key whose lease it holds is its own render (retried): it renders.
      if (this.#renders.get(key)?.lease) return this.#miss(key, row);
      // The lease only saves renders: if its statements fail, render as before leases.
      const lease = await takeRenderLease(key, row.storedSnapshot).catch(() => null);
      if (lease !== HELD) return this.#miss(key, row, lease ?? undefined);
    }
    const { value, cacheControl } = entryOf(row);
    if (withCopies && (row.br || row.gzip)) {
      const copies = { ...(row.br ? { br: row.br } : {}), ...(row.gzip ? { gzip: row.gzip } : {}) };
      if (typeof value.html === 'string') offerToWaitingRequests({ html: value.html, ...copies });
      else if (Buffer.isBuffer(value.body)) offerToWaitingRequests({ body: value.body, ...copies });
    }
    // The page's lifetime (revalidate: false, for ours) travels with it, so an instance that has
    // not rendered the page itself does not take it for stale and render it again behind it.
    return { lastModified: new Date(row.renderedAt).getTime(), value, cacheControl };
  }

  /**
   * A miss: Next renders the page while the visitor waits. The snapshot read with the entry is the
   * render's (every read of the render comes after it), kept until its set.
   * @param {string} key
   * @param {{ snapshot: string; now: Date }} row
   * @param {string} [lease] the render lease this miss took
   */
  #miss(key, row, lease) {
    const render = this.#renders.get(key);
    if (!render) this.#renders.set(key, { snapshot: row.snapshot, at: row.now, ...(lease ? { lease } : {}) });
    else if (lease) render.lease = lease;
    return null;
  }

  /**
   * @param {string} nextKey
   * @param {any} data
   * @param {{ cacheControl?: unknown }} [context]
   */
  async set(nextKey, data, context) {
    if (!this.#build) return;
    this.#noteBuildSeen();
    const key = this.#keyOf(nextKey);
    const render = this.#renders.get(key);
    this.#renders.delete(key);
    // A render that held the lease and is not kept (a need closed since: "not found") drops the
    // stored copy with its lease: that copy must not be served while nobody renders it again.
    const notKept = async () => {
      if (render?.lease) await dropLeasedCopy(key, render.lease);
    };
    if (!isKept(nextKey, data?.kind)) return notKept();
    // The policy goes on the entry's headers before anything can fail: Next sends these headers
    // with this very response (the one that rendered it) and with every response from the cache.
    if (typeof data.html === 'string' && data.html.length > 0) {
      data.headers = { ...data.headers, 'content-security-policy': cachedPagePolicy(data.html) };
    }
    // Only pages that answered 200 are kept: a "not found" (a need id nobody published) would be
    // kept once per id anyone asks for, without end; it is rendered again on each request instead.
    if (data.status !== undefined && data.status !== 200) return notKept();
    const tags = String(data.headers?.[TAGS_HEADER] ?? '').split(',').filter(Boolean);
    // The page showed a state that ends without a write (a ranking in progress): render it again.
    if (tags.includes(NOT_KEPT_TAG)) return notKept();
    // A page's HTML, or a route's body (the map's data: ≈ 0.6 MB of JSON on a national-scale world,
    // which compressed per response cost more than the rest of its hit). The columns are named for
    // the first.
    const sent = typeof data.html === 'string' ? data.html : Buffer.isBuffer(data.body) ? data.body : null;
    const [htmlGzip, htmlBrotli] = sent && sent.length > 0
      ? await Promise.all([gzip(sent, GZIP_OPTIONS), brotli(sent, BROTLI_OPTIONS)])
      : [null, null];
    // Next answers this render's request, and every request of the page that joined its batch
    // until set returns (the store included), with this very entry: once stored (or not), the copies
    // are offered to the requests then waiting, so those go out as them, not compressed once each
    // (after a write, dozens of responses of 100 KB at 50 connections). Offered whether the store
    // succeeded or not: they are the compressed form of exactly the HTML those responses carry.
    const offerCopies = () => {
      if (!htmlGzip || !htmlBrotli || !anyRequestWaiting()) return;
      offerToWaitingRequests(typeof sent === 'string' ? { html: sent, br: htmlBrotli, gzip: htmlGzip } : { body: /** @type {Buffer} */ (sent), br: htmlBrotli, gzip: htmlGzip });
    };
    // Without a miss of its own (Next rendering over an entry it was served) the render's start is
    // unknown: without a snapshot the page counts as stale (kept only over its own leased copy,
    // below), and the next request renders it again.
    // Marks are not pruned here: the test reads only a tag's marks from the snapshot's xmin on, so
    // older ones cost nothing per request, and removing one that a render still in flight needs is
    // the clean-up's business (its horizon).
    // A page already stale as it arrives (a write landed during its render) is stored only over the
    // copy whose lease this render holds: the next miss leases it and the others are served it
    // meanwhile, as they were served the copy it replaces. Anywhere else it would be the page most
    // likely to go back in time: a render that outlived its lease, whose copy was dropped and whose
    // need readers have since seen closed, must not bring the open page back to be served as a
    // leased copy. The lease belonged to the copy replaced, so a store ends it, whoever held it.
    const row = columnsOf(data, context?.cacheControl);
    try {
      await database().query(
        `WITH incoming AS (
           SELECT ${FRESH_ENTRY} AS "fresh" FROM (SELECT $5::pg_snapshot AS "renderSnapshot", $3::text[] AS "tags") e
         )
         INSERT INTO "PageCacheEntry" ("key", "value", "html", "rscData", "segmentData", "tags", "renderedAt", "renderSnapshot", "htmlGzip", "htmlBrotli")
         SELECT $1, $2, $9, $10, $11, $3, COALESCE($4::timestamptz, clock_timestamp()), $5::pg_snapshot, $6, $7
           FROM incoming
          WHERE incoming."fresh" OR EXISTS (SELECT 1 FROM "PageCacheEntry" p WHERE p."key" = $1 AND p."renderLease" = $8::uuid)
         ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "html" = EXCLUDED."html", "rscData" = EXCLUDED."rscData",
           "segmentData" = EXCLUDED."segmentData", "tags" = EXCLUDED."tags", "renderedAt" = EXCLUDED."renderedAt",
           "renderSnapshot" = EXCLUDED."renderSnapshot", "htmlGzip" = EXCLUDED."htmlGzip", "htmlBrotli" = EXCLUDED."htmlBrotli",
           "renderLease" = NULL, "renderLeaseUntil" = NULL
          WHERE (SELECT "fresh" FROM incoming) OR "PageCacheEntry"."renderLease" = $8::uuid`,
        [key, row.value, tags, render?.at ?? null, render?.snapshot ?? null, htmlGzip, htmlBrotli, render?.lease ?? null, row.html, row.rscData, row.segmentData],
      );
    } finally {
      offerCopies();
    }
  }

  /**
   * Next's revalidateTag / updateTag / revalidatePath: the same mark the triggers write.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = [tags].flat().filter(Boolean);
    if (list.length === 0) return;
    await database().query(
      `INSERT INTO "PageCacheTag" ("tag", "txid", "invalidatedAt") SELECT unnest($1::text[]), txid_current(), clock_timestamp()
       ON CONFLICT ("tag", "txid") DO UPDATE SET "invalidatedAt" = EXCLUDED."invalidatedAt"`,
      [list],
    );
  }

  resetRequestCache() {}
}

/** takeRenderLease's answer when another render holds a live lease: serve the stored copy. */
const HELD = 'held';

/**
 * Takes the render lease of the stored entry `key` — if it is still the render found stale (same
 * snapshot: nothing stored over it since) and no lease is held on it — and returns its token.
 * HELD if another render holds a live lease on that same copy: the caller serves it. null if the
 * caller must render without a lease: the copy is gone or was replaced meanwhile, or its lease ran
 * out — a render that took it and died, threw, or answered something other than a page never
 * ended it — in which case the copy is deleted here, so a stale page is never served longer than
 * one lease (the other instances then render too, as they did before leases).
 * Of concurrent misses on any instances, the first UPDATE takes the lease, and the others, blocked
 * on that row until it commits, find the lease set when they re-read it (READ COMMITTED re-checks
 * the condition on the newest row), so exactly one renders per lease.
 * @param {string} key
 * @param {string | null} staleSnapshot the stale entry's render snapshot, as read
 * @returns {Promise<string | typeof HELD | null>}
 */
async function takeRenderLease(key, staleSnapshot) {
  const expired = await database().query(
    `DELETE FROM "PageCacheEntry" WHERE "key" = $1 AND "renderLeaseUntil" <= clock_timestamp()
        AND "renderSnapshot"::text IS NOT DISTINCT FROM $2`,
    [key, staleSnapshot],
  );
  if (expired.rowCount === 1) return null;
  const lease = randomUUID();
  const taken = await database().query(
    `UPDATE "PageCacheEntry" SET "renderLease" = $2::uuid, "renderLeaseUntil" = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
      WHERE "key" = $1 AND "renderLeaseUntil" IS NULL AND "renderSnapshot"::text IS NOT DISTINCT FROM $4`,
    [key, lease, RENDER_LEASE_MS, staleSnapshot],
  );
  if (taken.rowCount === 1) return lease;
  const held = await database().query(
    `SELECT 1 FROM "PageCacheEntry" WHERE "key" = $1 AND "renderLeaseUntil" > clock_timestamp()
        AND "renderSnapshot"::text IS NOT DISTINCT FROM $2`,
    [key, staleSnapshot],
  );
  return held.rowCount === 1 ? HELD : null;
}

/**
 * Deletes the stored copy of `key` if `lease` is still its lease: the render that held it produced
 * no page to keep.
 * @param {string} key
 * @param {string} lease
 */
async function dropLeasedCopy(key, lease) {
  await database().query(`DELETE FROM "PageCacheEntry" WHERE "key" = $1 AND "renderLease" = $2::uuid`, [key, lease]);
}

/**
 * Each build folder's id, read once per process: Next makes a handler per request, and reading the
 * file each time cost ≈ 0.1 ms of every request's CPU (session 19's profile). Also the right id: a
 * process serves the code it loaded, even if the folder is built again under it. Not state
 * between requests: the build's constant, the same on every instance of it.
 * @type {Map<string, string>}
 */
const buildIds = new Map();

/**
 * The build's id, from its BUILD_ID file; none if it is not there (while `next build` runs,
 * which serves nothing).
 * @param {string} distDir
 */
function buildIdIn(distDir) {
  const known = buildIds.get(distDir);
  if (known) return known;
  try {
    const build = readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();
    if (build) buildIds.set(distDir, build);
    return build;
  } catch {
    return '';
  }
}
