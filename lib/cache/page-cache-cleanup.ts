import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { QUEUES } from '../jobs/queue';
import { FRESH_ENTRY } from './page-cache-handler.mjs';
import { READER_PAGE_MAX_AGE_MS, READER_PAGE_PATH_PATTERN } from './page-cache-tags.mjs';

// The page cache (lib/cache/page-cache-handler.mjs) serves a stale entry only while another
// instance renders it (its render lease, at most RENDER_LEASE_MS), but keeps it
// until its page renders again — forever for a need that was deleted or closed — and keeps every
// tag's marks. Entries are per build (their keys start with the BUILD_ID), so after a deploy the
// previous build's copies are never read again. Every hour one instance removes all three.

export const PAGE_CACHE_CLEANUP_CRON = '17 * * * *';

/**
 * A build no instance has used the cache with for this long is gone (deployed over): its entries
 * are removed. Each instance records its build at least every BUILD_SEEN_EVERY_MS while it serves
 * (PageCacheBuild), so during a rolling deploy the old build's instances keep their entries; two
 * hours is twice the clean-up's period, so a build in use is never judged gone between two ticks.
 */
export const BUILD_KEPT_MS = 2 * 60 * 60 * 1000;

/**
 * A fresh entry older than this goes all the same: marks are kept down to the lowest xmin of the
 * stored snapshots, so one page of a tag nobody writes (an oblast's) would otherwise hold every
 * other tag's marks back for as long as the build runs. One render per page per day is the price.
 */
export const ENTRY_KEPT_MS = 24 * 60 * 60 * 1000;

export type PageCacheCleanup = { entries: number; otherBuilds: number; marks: number };

export async function cleanPageCache(db: Db): Promise<PageCacheCleanup> {
  // Stale entries go first: the handler would not serve them past a render lease (the same test as its get).
  // So do the entries rendered more than ENTRY_KEPT_MS ago, and a reader's pages past their age
  // (READER_PAGE_MAX_AGE_MS: not served any more; one per member and page would pile up otherwise).
  const entries = await db.$executeRaw`
    DELETE FROM "PageCacheEntry" d
     WHERE d."renderedAt" < clock_timestamp() - make_interval(secs => ${ENTRY_KEPT_MS}::double precision / 1000)
        OR (d."key" ~ ${READER_PAGE_PATH_PATTERN} AND d."renderedAt" < clock_timestamp() - make_interval(secs => ${READER_PAGE_MAX_AGE_MS}::double precision / 1000))
        OR NOT EXISTS (SELECT 1 FROM "PageCacheEntry" e WHERE e."key" = d."key" AND ${Prisma.raw(FRESH_ENTRY)})`;
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
  // Then the marks no entry can be stale by: those of transactions below the xmin of every stored
  // entry's snapshot (each of them saw those), and below the current snapshot's (a render that
  // starts from now on sees them too). A render in flight took its snapshot earlier and may need
  // one of them; it is not in the table yet, so the horizon records how far marks are gone, and an
  // entry whose snapshot's xmin is below it is stale (FRESH_ENTRY). One statement: a reader sees
  // the marks gone and the horizon moved together, or neither. Marks can be deleted only in a
  // transaction that says it is the clean-up (the guard trigger of migration
  // 20261202142143_page_cache_snapshots: a previous build's instances pruned marks on every store).
  const [, [{ marks }]] = await db.$transaction([
    db.$queryRaw`SELECT set_config('kakehashi.page_cache_cleanup', 'on', true) AS "setting"`,
    db.$queryRaw<{ marks: number }[]>`
    WITH horizon AS (
      SELECT LEAST(
        (SELECT min(pg_snapshot_xmin(e."renderSnapshot")::text::bigint) FROM "PageCacheEntry" e),
        pg_snapshot_xmin(pg_current_snapshot())::text::bigint
      ) AS "txid"
    ), removed AS (
      DELETE FROM "PageCacheTag" t USING horizon h WHERE t."txid" < h."txid" RETURNING 1
    ), moved AS (
      INSERT INTO "PageCacheMarkHorizon" ("id", "txid") SELECT 1, h."txid" FROM horizon h
      ON CONFLICT ("id") DO UPDATE SET "txid" = GREATEST("PageCacheMarkHorizon"."txid", EXCLUDED."txid")
    )
    SELECT count(*)::int AS "marks" FROM removed`,
  ]);
  return { entries, otherBuilds, marks };
}

/** The hourly job: pg-boss keeps the schedule in PostgreSQL and sends each tick once. */
export async function startPageCacheCleanup(db: Db, boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.pageCacheCleanup, PAGE_CACHE_CLEANUP_CRON, {});
  await boss.work(QUEUES.pageCacheCleanup, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await cleanPageCache(db);
  });
}
