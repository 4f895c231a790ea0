import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { companyChanged, drainMatchingJobs, rerankCompany } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { RERANK_BATCH_SIZE, startMatchingWorker } from '../../lib/match-store/worker';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb } from './test-db';

// The app's worker (not the test drain) must keep up with a burst of edits: pg-boss waits its
// polling interval after every fetch, so one job per fetch worked one re-rank a second.

let boss: PgBoss;
beforeAll(async () => {
  boss = await startJobQueue(inject('databaseUrl'));
  await drainMatchingJobs(testDb, boss);
});
afterAll(async () => {
  await boss.stop({ graceful: true, wait: true });
  await stopQueueClient();
});

/**
 * This burst's re-ranks still to run. Only its own companies': jobs other files left in the shared
 * database (one retrying with a backoff, one a "dead worker" holds until it expires) are not this
 * worker's pace — counted, they kept the old test waiting past its timeout in one CI order.
 */
const pending = async (companyIds: string[]) =>
  Number((await testDb.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job
    WHERE name = ${QUEUES.companyChanged} AND data->>'companyId' = ANY(${companyIds})
      AND state IN ('created', 'retry', 'active')`)[0].n);

describe('the matching worker', () => {
  it('works a burst of 30 company edits in batches, not one job per fetch', async () => {
    const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
    const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
    await createNeed(testDb, municipality, { sector: 'ENERGY', requiredCapabilities: ['POWER_GENERATORS'] });
    const companies = [];
    for (let i = 0; i < 30; i += 1) companies.push(await createCompany(testDb, { sectors: ['ENERGY'], verificationStatus: 'VERIFIED' }));

    // The burst is queued before the worker starts, so what the worker does with it is its own
    // choice, not the pace of this loop.
    for (const company of companies) {
      await testDb.$transaction(async (tx) => {
        await tx.company.update({ where: { id: company.id }, data: { hasDisasterReconstructionExperience: true } });
        await companyChanged(tx, company.id);
      });
    }
    await startMatchingWorker(testDb, boss);
    const ids = companies.map((company) => company.id);
    // A wait on a slow machine, not a measurement; shorter than the test's timeout, so that a
    // worker that falls behind shows as jobs left, not as a timeout.
    const deadline = Date.now() + 45_000;
    while ((await pending(ids)) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await pending(ids)).toBe(0);
    // A fetch marks its jobs started in one statement (one now()): one job per fetch — the old
    // worker, one re-rank per polling interval — would show 30 distinct moments.
    const [{ fetches }] = await testDb.$queryRaw<{ fetches: number }[]>`SELECT count(DISTINCT started_on)::int AS fetches
      FROM pgboss.job WHERE name = ${QUEUES.companyChanged} AND data->>'companyId' = ANY(${companies.map((company) => company.id)})`;
    expect(fetches).toBeLessThanOrEqual(Math.ceil(companies.length / RERANK_BATCH_SIZE));
    // Reached: re-ranking any of them now changes nothing.
    for (const company of companies) expect((await rerankCompany(testDb, company.id)).written).toBe(0);
  });
});
