import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { createDb } from '../../lib/db';
import { logger } from '../../lib/logging/log';
import { rebuildAllMatches } from '../../lib/match-store';
import { testDb } from './test-db';

// The rebuild's closing VACUUM runs after the matches are committed; its failure must not fail the
// rebuild (pg-boss would retry the whole national rebuild for it), only be logged.

// A client whose connections give up waiting for a lock after 300 ms, as a server with lock_timeout set would.
const url = new URL(inject('databaseUrl'));
url.searchParams.set('options', '-c lock_timeout=300');
const impatient = createDb(url.toString(), 2);

afterAll(async () => {
  await impatient.$disconnect();
});

describe('the rebuild', () => {
  it('still counts as done when its closing VACUUM fails (a lock it could not get), and logs the failure', async () => {
    const logged = vi.spyOn(logger, 'error');
    const [{ now }] = await testDb.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
    // Another session holds the lock VACUUM needs on the profiles (and that the rebuild's writes do
    // not: "Need" would not do, the swap of "Match" locks it, see lib/match-store/table-swap.ts).
    const holder = await testDb.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE "CompanyMatchProfile" IN SHARE UPDATE EXCLUSIVE MODE`;
      return rebuildAllMatches(impatient);
    }, { timeout: 60_000 });
    expect(holder.matches).toBeGreaterThanOrEqual(0);
    const failures = logged.mock.calls.filter(([entry]) => (entry as { scope?: string }).scope === 'matching.rebuild.vacuum');
    expect(failures).toHaveLength(1);
    expect((failures[0][0] as { err: Error }).err.message).toContain('lock timeout');
    const [vacuumed] = await testDb.$queryRaw<{ lastVacuum: Date | null }[]>`
      SELECT last_vacuum AS "lastVacuum" FROM pg_stat_user_tables WHERE relname = 'CompanyMatchProfile'`;
    expect(vacuumed.lastVacuum === null || vacuumed.lastVacuum.getTime() < now.getTime()).toBe(true);
    logged.mockRestore();
  });
});
