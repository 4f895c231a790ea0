import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_EXPIRE_IN_SECONDS, EXPIRE_IN_SECONDS, MAINTENANCE_INTERVAL_SECONDS, QUEUES, startJobQueue } from '../../lib/jobs/queue';

// A job whose worker died (kill -9) is picked up again soon, not after pg-boss's default
// fifteen minutes during which rankings lagged.

const clients: PgBoss[] = [];
afterAll(async () => {
  for (const client of clients) await client.stop({ graceful: false, wait: true });
  // Leave the shared database's queues with the app's own settings.
  await (await startJobQueue(inject('databaseUrl'))).stop({ graceful: false, wait: true });
});

describe('abandoned jobs', () => {
  it('expire within a minute for re-ranking, with a longer allowance for a full rebuild', async () => {
    const boss = await startJobQueue(inject('databaseUrl'));
    clients.push(boss);
    const expiry = async (queue: string) => (await boss.getQueue(queue))?.expireInSeconds ?? Infinity;
    // Every queue but the long runs (a full rebuild, a digest or check over every person): an
    // abandoned job is retried within about a minute.
    const longRuns: string[] = [QUEUES.rebuild, QUEUES.dailyDigest, QUEUES.weeklyDigest, QUEUES.facilitationCheck];
    for (const queue of Object.values(QUEUES).filter((name) => !longRuns.includes(name))) {
      expect(await expiry(queue), queue).toBe(EXPIRE_IN_SECONDS[queue] ?? DEFAULT_EXPIRE_IN_SECONDS);
      expect((await expiry(queue)) + MAINTENANCE_INTERVAL_SECONDS, queue).toBeLessThanOrEqual(90);
    }
    expect((await expiry(QUEUES.needChanged)) + MAINTENANCE_INTERVAL_SECONDS).toBeLessThan(60);
    // A rebuild of every ranking takes minutes at full size: it has its own, longer allowance.
    expect(await expiry(QUEUES.rebuild)).toBeGreaterThan(10 * 60);
    for (const queue of longRuns) expect(await expiry(queue), queue).toBe(EXPIRE_IN_SECONDS[queue as keyof typeof EXPIRE_IN_SECONDS]);
  });

  it('of a worker that fetched and never finished are handed out again after the expiry', async () => {
    const boss = await startJobQueue(inject('databaseUrl'), {
      maintenance: true,
      maintenanceIntervalSeconds: 1,
      expireInSeconds: { [QUEUES.needChanged]: 1 },
    });
    clients.push(boss);
    const needId = randomUUID();
    const jobId = await boss.send(QUEUES.needChanged, { needId }, { singletonKey: needId, retryDelay: 1, retryBackoff: false });
    expect(jobId).toBeTruthy();

    // The "dead worker": takes the job and never completes or fails it.
    const taken = await fetchUntil(boss, jobId!, 10_000);
    expect(taken).toBe(true);
    expect((await boss.getJobById(QUEUES.needChanged, jobId!))?.state).toBe('active');

    // A live worker gets it again once maintenance has expired it.
    expect(await fetchUntil(boss, jobId!, 30_000)).toBe(true);
    const again = await boss.getJobById(QUEUES.needChanged, jobId!);
    expect(again).toMatchObject({ state: 'active', retryCount: 1 });
    await boss.complete(QUEUES.needChanged, jobId!);
  });
});

/** Fetches from the queue until `jobId` is among the jobs handed out, or `withinMs` passes. */
async function fetchUntil(boss: PgBoss, jobId: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const jobs = await boss.fetch(QUEUES.needChanged, { batchSize: 50 });
    if (jobs.some((job) => job.id === jobId)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
