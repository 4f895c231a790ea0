import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILD_KEPT_MS, cleanPageCache, ENTRY_KEPT_MS, PAGE_CACHE_CLEANUP_CRON, startPageCacheCleanup } from '../../lib/cache/page-cache-cleanup';
import { FRESH_ENTRY } from '../../lib/cache/page-cache-handler.mjs';
import { Prisma } from '../../lib/generated/prisma/client';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { testDb as db } from './test-db';

// The hourly clean-up of the public page cache on a real PostgreSQL. Other test files use the
// same tables at the same time, so each case uses tags and keys of its own.

const tagOf = () => `cleanup-test-${randomUUID()}`;
/** Entries are per build: `<BUILD_ID>:<Next's key>`; this file's build is in use (seen now). */
const BUILD = 'cleanup-test-build';
const nextKeyOf = () => `/route-cache/APP_PAGE/test/$/en/cached/needs/${randomUUID()}`;
const keyOf = (build = BUILD) => `${build}:${nextKeyOf()}`;
const ago = (ms: number) => new Date(Date.now() - ms);

async function buildSeen(build: string, seenAt: Date) {
  await db.pageCacheBuild.upsert({ where: { build }, create: { build, seenAt }, update: { seenAt } });
}
beforeAll(async () => {
  await buildSeen(BUILD, new Date());
});

/** The database's snapshot now, as the handler takes it at a miss. */
const snapshotNow = async () => (await db.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS "snapshot"`)[0].snapshot;
/** An entry as the handler stores it, rendered from `snapshot` (taken now if not given). */
async function entry(key: string, tags: string[], snapshot?: string) {
  const taken = snapshot ?? (await snapshotNow());
  await db.$executeRaw`INSERT INTO "PageCacheEntry" ("key", "value", "tags", "renderedAt", "renderSnapshot")
    VALUES (${key}, '{}', ${tags}::text[], clock_timestamp(), ${taken}::pg_snapshot)`;
}
/** A committed write to a table of `tag`: its mark, as the triggers write it. */
async function mark(tag: string) {
  await db.$executeRaw`INSERT INTO "PageCacheTag" ("tag", "txid", "invalidatedAt") VALUES (${tag}, txid_current(), clock_timestamp())`;
}
const entryExists = async (key: string) => (await db.pageCacheEntry.count({ where: { key } })) === 1;
/** Whether the handler would serve the entry: the test its get makes. */
const isFresh = async (key: string) =>
  (await db.$queryRaw<{ fresh: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "PageCacheEntry" e WHERE e."key" = ${key} AND ${Prisma.raw(FRESH_ENTRY)}) AS "fresh"`)[0].fresh;
const marksOf = (tag: string) => db.pageCacheTag.count({ where: { tag } });
/**
 * Marks go once no stored entry's snapshot can miss them: every entry counts, so the entries other
 * files left (files run one at a time, never together) would hold them; the cases about marks start
 * without any.
 */
const withoutOtherEntries = () => db.pageCacheEntry.deleteMany();

describe('the page cache clean-up', () => {
  it('removes the entries a mark made stale (a deleted need’s page) and keeps the fresh ones', async () => {
    const tag = tagOf();
    const [stale, fresh, other] = [keyOf(), keyOf(), keyOf()];
    const before = await snapshotNow();
    await mark(tag);
    await entry(stale, [tag], before);
    await entry(fresh, [tag]);
    await entry(other, [tagOf()], before);

    await cleanPageCache(db);

    expect(await entryExists(stale)).toBe(false);
    expect(await entryExists(fresh)).toBe(true);
    expect(await entryExists(other)).toBe(true);
  });

  it('removes the marks every stored snapshot sees, and keeps those one does not', async () => {
    await withoutOtherEntries();
    const [seen, unseen] = [tagOf(), tagOf()];
    await mark(seen);
    const key = keyOf();
    await entry(key, [seen]);
    // A mark from the lowest xmin of the stored snapshots on stays, whatever its tag: the clean-up
    // does not tell which entry could miss which mark, only that none misses a lower one.
    const holder = keyOf();
    await entry(holder, [tagOf()]);
    await mark(unseen);

    await cleanPageCache(db);

    expect(await marksOf(seen)).toBe(0);
    expect(await marksOf(unseen)).toBe(1);
    // Still served: the horizon the clean-up moved is not above what the entry's render saw.
    expect(await isFresh(key)).toBe(true);
  });

  it('removes a fresh entry a day old, which would hold every tag’s marks back', async () => {
    await withoutOtherEntries();
    const [quiet, busy] = [tagOf(), tagOf()];
    const old = keyOf();
    await entry(old, [quiet]);
    await db.$executeRaw`UPDATE "PageCacheEntry" SET "renderedAt" = ${ago(ENTRY_KEPT_MS + 60_000)} WHERE "key" = ${old}`;
    await mark(busy);

    await cleanPageCache(db);

    expect(await entryExists(old)).toBe(false);
    expect(await marksOf(busy)).toBe(0);
  });

  it('deletes marks only as the clean-up: a previous build’s prune on every store deletes none (rolling deploy)', async () => {
    const tag = tagOf();
    await mark(tag);
    await mark(tag);
    // The statement the handler ran after each store before snapshots decided staleness.
    await db.$executeRaw`DELETE FROM "PageCacheTag" t WHERE t."tag" = ANY (${[tag]}::text[])
      AND t."invalidatedAt" < (SELECT max(n."invalidatedAt") FROM "PageCacheTag" n WHERE n."tag" = t."tag")`;

    expect(await marksOf(tag)).toBe(2);
  });

  it('leaves nothing of a need deleted hours ago: its stale page, then the mark', async () => {
    await withoutOtherEntries();
    const tag = tagOf();
    const key = keyOf();
    await entry(key, [tag]);
    await mark(tag);

    expect(await cleanPageCache(db)).toMatchObject({ entries: 1, marks: expect.any(Number) });

    expect(await entryExists(key)).toBe(false);
    expect(await marksOf(tag)).toBe(0);
  });
});

describe('the page cache clean-up of other builds', () => {
  it('removes the entries of a build no instance has used for hours, and keeps those of builds in use (a rolling deploy)', async () => {
    const [gone, previous, current] = [`gone-${randomUUID()}`, `previous-${randomUUID()}`, `current-${randomUUID()}`];
    await buildSeen(gone, ago(BUILD_KEPT_MS + 60_000));
    // The previous build's instances still serve while the deploy rolls: seen minutes ago.
    await buildSeen(previous, ago(20 * 60_000));
    await buildSeen(current, new Date());
    const tag = tagOf();
    const [ofGone, ofPrevious, ofCurrent] = [keyOf(gone), keyOf(previous), keyOf(current)];
    // Fresh entries (no mark makes them stale): only their build decides.
    for (const key of [ofGone, ofPrevious, ofCurrent]) await entry(key, [tag]);

    expect(await cleanPageCache(db)).toMatchObject({ otherBuilds: expect.any(Number) });

    expect(await entryExists(ofGone)).toBe(false);
    expect(await entryExists(ofPrevious)).toBe(true);
    expect(await entryExists(ofCurrent)).toBe(true);
    // The gone build is forgotten; an instance of it that serves again records it anew.
    expect(await db.pageCacheBuild.count({ where: { build: gone } })).toBe(0);
    expect(await db.pageCacheBuild.count({ where: { build: { in: [previous, current] } } })).toBe(2);
  });

  it('removes entries of no recorded build: keys from before entries were per build, and builds never recorded', async () => {
    const bare = nextKeyOf();
    const unrecorded = keyOf(`never-seen-${randomUUID()}`);
    await entry(bare, [tagOf()]);
    await entry(unrecorded, [tagOf()]);

    await cleanPageCache(db);

    expect(await entryExists(bare)).toBe(false);
    expect(await entryExists(unrecorded)).toBe(false);
  });

  it('matches a build by its whole id: a build whose id begins another one’s keeps nothing of it', async () => {
    const long = `prefix-${randomUUID()}`;
    await buildSeen(long.slice(0, 10), new Date()); // "prefix-xyz", in use
    const key = keyOf(long); // never recorded
    await entry(key, [tagOf()]);

    await cleanPageCache(db);

    expect(await entryExists(key)).toBe(false);
  });
});

describe('the page cache clean-up job', () => {
  it('is scheduled every hour, and its worker cleans', async () => {
    const worker = await startJobQueue(inject('databaseUrl'), { scheduler: true });
    try {
      await startPageCacheCleanup(db, worker);
      expect(await worker.getSchedules()).toContainEqual(expect.objectContaining({ name: QUEUES.pageCacheCleanup, cron: PAGE_CACHE_CLEANUP_CRON }));
      const tag = tagOf();
      const key = keyOf();
      await entry(key, [tag]);
      await mark(tag);
      await worker.send(QUEUES.pageCacheCleanup, {});
      await expect.poll(() => entryExists(key), { timeout: 60_000, interval: 500 }).toBe(false);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  }, 90_000);
});
