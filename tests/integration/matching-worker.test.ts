import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { companyChanged, drainMatchingJobs, rerankCompany } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { startMatchingWorker } from '../../lib/match-store/worker';
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

const pending = async () =>
  Number((await testDb.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job
    WHERE name IN (${QUEUES.needChanged}, ${QUEUES.companyChanged}) AND state IN ('created', 'retry', 'active')`)[0].n);

describe('the matching worker', () => {
  it('brings 30 company edits to the stored rankings within a few seconds, not one a second', async () => {
    const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
    const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
    await createNeed(testDb, municipality, { sector: 'ENERGY', requiredCapabilities: ['POWER_GENERATORS'] });
    const companies = [];
    for (let i = 0; i < 30; i += 1) companies.push(await createCompany(testDb, { sectors: ['ENERGY'], verificationStatus: 'VERIFIED' }));

    await startMatchingWorker(testDb, boss);
    const started = Date.now();
    for (const company of companies) {
      await testDb.$transaction(async (tx) => {
        await tx.company.update({ where: { id: company.id }, data: { hasDisasterReconstructionExperience: true } });
        await companyChanged(tx, company.id);
      });
    }
    while ((await pending()) > 0 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await pending()).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
    // Reached: re-ranking any of them now changes nothing.
    for (const company of companies) expect((await rerankCompany(testDb, company.id)).written).toBe(0);
  });
});
