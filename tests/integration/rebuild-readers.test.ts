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

// A rebuild removes the rows no list holds and merges the new ones in one transaction: a reader in
// the middle of it sees the whole old ranking, never a list with the old rows gone and the new ones
// not yet there. The rebuild is held in the middle by a lock its merge must wait for — the key
// share lock a new row's foreign key takes on its need — while another connection reads.

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
      await holder.query(`SELECT 1 FROM "Need" WHERE id = $1 FOR UPDATE`, [need.id]);
      let settled = false;
      const rebuild = rebuildAllMatches(db).finally(() => {
        settled = true;
      });
      let waiting: string | undefined;
      while (waiting === undefined) {
        if (settled) await rebuild.then(() => expect.fail('the rebuild ended without waiting for the need’s lock'));
        const blocked = await reader.query<{ query: string }>(
          `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
             AND query LIKE '%INSERT INTO "Match"%'`);
        waiting = blocked.rows[0]?.query;
        if (waiting === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Held at the merge: the rows no list holds are already deleted, in the rebuild's transaction.
      expect(waiting).toContain('INSERT INTO "Match"');
      expect(await listOf(reader)).toEqual(before);
      await holder.query('COMMIT');
      await rebuild;
      const after = await listOf(reader);
      expect(after).toContain(arriving.id);
      expect(after).not.toContain(leaving.id);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await Promise.all([reader.end(), holder.end()]);
    }
  });
});
