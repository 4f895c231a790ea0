import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { cleanPageCache, MARK_KEPT_MS, PAGE_CACHE_CLEANUP_CRON, startPageCacheCleanup } from '../../lib/cache/page-cache-cleanup';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { testDb as db } from './test-db';

// The hourly clean-up of the public page cache on a real PostgreSQL. Other test files use the
// same tables at the same time, so each case uses tags and keys of its own.

const tagOf = () => `cleanup-test-${randomUUID()}`;
const keyOf = () => `/route-cache/APP_PAGE/test/$/en/cached/needs/${randomUUID()}`;
const ago = (ms: number) => new Date(Date.now() - ms);
const HOUR = 60 * 60 * 1000;

async function entry(key: string, tags: string[], renderedAt: Date) {
  await db.pageCacheEntry.create({ data: { key, value: '{}', tags, renderedAt } });
}
async function mark(tag: string, invalidatedAt: Date) {
  await db.pageCacheTag.create({ data: { tag, txid: BigInt(Math.floor(Math.random() * 2 ** 40)), invalidatedAt } });
}
const entryExists = async (key: string) => (await db.pageCacheEntry.count({ where: { key } })) === 1;
const marksOf = (tag: string) => db.pageCacheTag.findMany({ where: { tag }, orderBy: { invalidatedAt: 'asc' } });

describe('the page cache clean-up', () => {
  it('removes the entries a mark made stale (a deleted need’s page) and keeps the fresh ones', async () => {
    const tag = tagOf();
    const [stale, fresh, other] = [keyOf(), keyOf(), keyOf()];
    await entry(stale, [tag], ago(10 * 60_000));
    await mark(tag, ago(5 * 60_000));
    await entry(fresh, [tag], ago(60_000));
    await entry(other, [tagOf()], ago(10 * 60_000));

    await cleanPageCache(db);

    expect(await entryExists(stale)).toBe(false);
    expect(await entryExists(fresh)).toBe(true);
    expect(await entryExists(other)).toBe(true);
  });

  it('removes marks older than an hour that make no stored entry stale, newest included', async () => {
    const tag = tagOf();
    await mark(tag, ago(3 * HOUR));
    await mark(tag, ago(2 * HOUR));
    const key = keyOf();
    await entry(key, [tag], ago(HOUR));

    await cleanPageCache(db);

    expect(await marksOf(tag)).toEqual([]);
    expect(await entryExists(key)).toBe(true);
  });

  it('keeps a recent mark, which a render still in flight may need to be stale by', async () => {
    const tag = tagOf();
    await mark(tag, ago(3 * HOUR));
    await mark(tag, ago(MARK_KEPT_MS / 2));

    await cleanPageCache(db);

    expect((await marksOf(tag)).map((row) => row.invalidatedAt.getTime() > Date.now() - MARK_KEPT_MS)).toEqual([true]);
  });

  it('leaves nothing of a need deleted hours ago: its stale page, then the mark', async () => {
    const tag = tagOf();
    const key = keyOf();
    await entry(key, [tag], ago(3 * HOUR));
    await mark(tag, ago(2 * HOUR));

    expect(await cleanPageCache(db)).toMatchObject({ entries: expect.any(Number), marks: expect.any(Number) });

    expect(await entryExists(key)).toBe(false);
    expect(await marksOf(tag)).toEqual([]);
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
      await entry(key, [tag], ago(10 * 60_000));
      await mark(tag, ago(5 * 60_000));
      await worker.send(QUEUES.pageCacheCleanup, {});
      await expect.poll(() => entryExists(key), { timeout: 60_000, interval: 500 }).toBe(false);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  }, 90_000);
});
