import { Client } from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import { rebuildAllMatches, rerankNeed } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// A rebuild writes the new ranking beside the old one and swaps it in, in one transaction: a reader
// in the middle of it sees the whole old ranking, never a list with the old rows gone and the new
// ones not yet there. The rebuild is held in the middle, its new table written, by a lock its
// foreign keys must wait for — a writer of needs, as an editing municipality is — while another
// connection reads, and a re-rank of the need starts and must wait for the swap without deadlocking it.

const url = inject('databaseUrl');
const connect = async () => {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
};

afterAll(async () => {
  await stopQueueClient();
});

const fitting = { sectors: ['WATER_SANITATION' as const], capabilities: ['WATER_PURIFICATION' as const], verificationStatus: 'VERIFIED' as const, riskAppetite: 'NO_HOSTILITIES' as const };

describe('a reader during a rebuild', () => {
  it('sees the old ranking until the rebuild commits, then the new one', async () => {
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(db, municipality, { sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION'] });
    const leaving = await createCompany(db, fitting);
    await syncCompanyProfiles(db, Prisma.sql`c.id = ${leaving.id}::uuid`);
    await rerankNeed(db, need.id);
    const listOf = async (client: Client) =>
      (await client.query<{ companyId: string }>(`SELECT "companyId" FROM "Match" WHERE "needId" = $1 ORDER BY "companyId"`, [need.id]))
        .rows.map((row) => row.companyId);
    const reader = await connect();
    const holder = await connect();
    try {
      // Other files' companies may fit the need too: the list as it is, with the company that leaves.
      const before = await listOf(reader);
      expect(before).toContain(leaving.id);
      // Unknown to the stored ranking until the rebuild: one company leaves the need's sector (its
      // row goes), another fits it (a new row, whose foreign key locks the need).
      await db.company.update({ where: { id: leaving.id }, data: { sectors: ['ENERGY'] } });
      const arriving = await createCompany(db, fitting);

      await holder.query('BEGIN');
      await holder.query(`UPDATE "Need" SET "updatedAt" = "updatedAt" WHERE id = $1`, [need.id]);
      const { rows: [{ pid: holderPid }] } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      let settled = false;
      const rebuild = rebuildAllMatches(db).finally(() => {
        settled = true;
      });
      let waiting: string | undefined;
      while (waiting === undefined) {
        if (settled) await rebuild.then(() => expect.fail('the rebuild ended without waiting for the writer of needs'));
        const blocked = await reader.query<{ query: string }>(
          `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
             AND $1 = ANY (pg_blocking_pids(pid))`, [holderPid]);
        waiting = blocked.rows[0]?.query;
        if (waiting === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Held at its foreign keys: the new table is written, in the rebuild's transaction.
      expect(waiting).toContain('FOREIGN KEY');
      expect(await listOf(reader)).toEqual(before);
      // A re-rank of the need starts meanwhile and waits for the rebuild. Waiting at its first write
      // to "Match" instead, it would hold the need and the match table the swap must lock, and one
      // of the two would be cancelled as a deadlock.
      const rerank = rerankNeed(db, need.id);
      let rerankWaits = false;
      while (!rerankWaits) {
        const waiters = await reader.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
          AND wait_event_type = 'Lock' AND query NOT LIKE '%FOREIGN KEY%'`);
        rerankWaits = (waiters.rowCount ?? 0) > 0;
        if (!rerankWaits) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query('COMMIT');
      await Promise.all([rebuild, rerank]);
      const after = await listOf(reader);
      expect(after).toContain(arriving.id);
      expect(after).not.toContain(leaving.id);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await Promise.all([reader.end(), holder.end()]);
    }
  });
});
