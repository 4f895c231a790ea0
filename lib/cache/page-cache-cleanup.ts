import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { QUEUES } from '../jobs/queue';
import { INVALIDATION_MARGIN_MS } from './page-cache-handler.mjs';

// The page cache (lib/cache/page-cache-handler.mjs) never serves a stale entry, but keeps it
// until its page renders again — forever for a need that was deleted or closed — and keeps a
// tag's marks until a page of that tag renders. Entries are per build (their keys start with the
// BUILD_ID), so after a deploy the previous build's copies are never read again. Every hour one
// instance removes all three.

export const PAGE_CACHE_CLEANUP_CRON = '17 * * * *';

/**
 * A mark this recent is kept even when no stored entry is stale by it: a render that began
 * before it may still be writing its entry (renders take seconds), which the mark must make stale.
 */
export const MARK_KEPT_MS = 60 * 60 * 1000;

/**
 * A build no instance has used the cache with for this long is gone (deployed over): its entries
 * are removed. Each instance records its build at least every BUILD_SEEN_EVERY_MS while it serves
 * (PageCacheBuild), so during a rolling deploy the old build's instances keep their entries; two
 * hours is twice the clean-up's period, so a build in use is never judged gone between two ticks.
 */
export const BUILD_KEPT_MS = 2 * 60 * 60 * 1000;

export type PageCacheCleanup = { entries: number; otherBuilds: number; marks: number };

export async function cleanPageCache(db: Db): Promise<PageCacheCleanup> {
  // Stale entries go first: the handler would never serve them (the same test as its get).
  const entries = await db.$executeRaw`
    DELETE FROM "PageCacheEntry" e
     WHERE EXISTS (
       SELECT 1 FROM "PageCacheTag" t
        WHERE t."tag" = ANY (e."tags")
          AND t."invalidatedAt" > e."renderedAt" - make_interval(secs => ${INVALIDATION_MARGIN_MS}::double precision / 1000)
     )`;
  // Then the entries of builds no instance has used for BUILD_KEPT_MS — and of no recorded build
  // at all (keys from before entries were per build). A key is `<BUILD_ID>:<Next's key>`.
  const otherBuilds = await db.$executeRaw`
    DELETE FROM "PageCacheEntry" e
     WHERE NOT EXISTS (
       SELECT 1 FROM "PageCacheBuild" b
        WHERE b."seenAt" > clock_timestamp() - make_interval(secs => ${BUILD_KEPT_MS}::double precision / 1000)
          AND starts_with(e."key", b."build" || ':')
     )`;
  await db.$executeRaw`
    DELETE FROM "PageCacheBuild"
     WHERE "seenAt" <= clock_timestamp() - make_interval(secs => ${BUILD_KEPT_MS}::double precision / 1000)`;
  // Then a mark that no longer makes any stored entry stale, once old enough that no render in
  // flight can still write one it should. Compared with each tag's oldest entry, not with every
  // entry: per mark that was a scan of the entries (docs/benchmarks/raw/page-cache-cleanup-explain.txt).
  const marks = await db.$executeRaw`
    WITH oldest AS (
      SELECT u."tag", min(e."renderedAt") AS "renderedAt"
        FROM "PageCacheEntry" e CROSS JOIN LATERAL unnest(e."tags") AS u("tag")
       GROUP BY u."tag"
    )
    DELETE FROM "PageCacheTag" t
     WHERE t."invalidatedAt" < clock_timestamp() - make_interval(secs => ${MARK_KEPT_MS}::double precision / 1000)
       AND NOT EXISTS (
         SELECT 1 FROM oldest o
          WHERE o."tag" = t."tag"
            AND t."invalidatedAt" > o."renderedAt" - make_interval(secs => ${INVALIDATION_MARGIN_MS}::double precision / 1000)
       )`;
  return { entries, otherBuilds, marks };
}

/** The hourly job: pg-boss keeps the schedule in PostgreSQL and sends each tick once. */
export async function startPageCacheCleanup(db: Db, boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.pageCacheCleanup, PAGE_CACHE_CLEANUP_CRON, {});
  await boss.work(QUEUES.pageCacheCleanup, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await cleanPageCache(db);
  });
}
