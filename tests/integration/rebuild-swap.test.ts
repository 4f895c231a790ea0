import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';
import { applyMigrations } from '../../lib/database/schema-engine';
import { logger } from '../../lib/logging/log';
import { rebuildAllMatches } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// A full rebuild replaces "Match" by a table written beside it (lib/match-store/table-swap.ts). The
// table that comes out must be the one the migrations made — every column, index, constraint,
// trigger and grant, under the same names — or the next migration, Prisma's queries, or the
// review queue's counting triggers would meet a different table. And a pair whose content did not
// change keeps its row as it was. The table is compared with the one the migrations make in a
// database of its own (other test files rebuild this one before).

let migrated: ScratchDatabase;
beforeAll(async () => {
  migrated = await createScratchDatabase('kakehashi_swap');
  await applyMigrations(migrated.url);
});

afterAll(async () => {
  await migrated?.drop();
  await stopQueueClient();
});

/** "Match" as the catalogue of the database at `url` describes it, without object ids. */
async function definitionOfMatch(url: string): Promise<unknown> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [row] } = await client.query<{ definition: unknown }>(`
    SELECT json_build_object(
      'columns', (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
          pg_get_expr(d.adbin, d.adrelid), a.attstorage, a.attcompression) ORDER BY a.attnum)
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped),
      'indexes', (SELECT json_agg(json_build_array(c.relname, pg_get_indexdef(i.indexrelid), i.indisprimary, i.indisunique) ORDER BY c.relname)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = t.oid),
      'constraints', (SELECT json_agg(json_build_array(conname, contype, pg_get_constraintdef(oid), convalidated, condeferrable) ORDER BY conname)
        FROM pg_constraint WHERE conrelid = t.oid),
      'referencedBy', (SELECT json_agg(conname ORDER BY conname) FROM pg_constraint WHERE confrelid = t.oid),
      'triggers', (SELECT json_agg(json_build_array(tgname, pg_get_triggerdef(oid), tgenabled) ORDER BY tgname)
        FROM pg_trigger WHERE tgrelid = t.oid AND NOT tgisinternal),
      'table', json_build_array(t.relname, t.relkind, t.relpersistence, t.reloptions, t.relacl::text, pg_get_userbyid(t.relowner), t.relreplident)
    ) AS definition
    FROM pg_class t WHERE t.oid = '"Match"'::regclass`);
    return row.definition;
  } finally {
    await client.end();
  }
}

type Row = { id: string; needId: string; companyId: string; content: string; computedAt: Date; updatedAt: Date };
const rows = () => db.$queryRawUnsafe<Row[]>(
  `SELECT id, "needId", "companyId", (score, points, "inNeedTop", "inCompanyTop", "policyVersion", "judgedOn")::text AS content,
     "computedAt", "updatedAt" FROM "Match"`);

describe('a full rebuild', () => {
  it('leaves "Match" defined exactly as the migrations made it', async () => {
    const oid = async () => (await db.$queryRawUnsafe<{ oid: number }[]>(`SELECT '"Match"'::regclass::oid::int AS oid`))[0].oid;
    const oidBefore = await oid();
    await rebuildAllMatches(db);
    // The table was replaced (not merged into), and nothing of its definition was lost.
    expect(await oid()).not.toBe(oidBefore);
    expect(await definitionOfMatch(inject('databaseUrl'))).toEqual(await definitionOfMatch(migrated.url));
    // Neither the copy nor the old table is left behind.
    expect(await db.$queryRawUnsafe<unknown[]>(`SELECT relname FROM pg_class WHERE relname = 'Match_next' OR starts_with(relname, 'Match_retired_')`)).toEqual([]);
  });

  it('keeps the row of a pair whose content did not change: its id and its timestamps', async () => {
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(db, municipality, { sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION'] });
    const company = await createCompany(db, {
      sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], verificationStatus: 'VERIFIED', riskAppetite: 'NO_HOSTILITIES',
    });
    await rebuildAllMatches(db);
    const first = new Map((await rows()).map((row) => [`${row.needId}:${row.companyId}`, row]));
    await rebuildAllMatches(db);
    const second = await rows();
    const same = second.filter((row) => first.get(`${row.needId}:${row.companyId}`)?.content === row.content);
    expect(same.map((row) => `${row.needId}:${row.companyId}`)).toContain(`${need.id}:${company.id}`);
    for (const row of same) {
      const was = first.get(`${row.needId}:${row.companyId}`)!;
      expect({ id: row.id, computedAt: row.computedAt, updatedAt: row.updatedAt }).toEqual({ id: was.id, computedAt: was.computedAt, updatedAt: was.updatedAt });
    }
  });

  it('is not held up by a long reader of companies: the old table is dropped after the commit, or by the next rebuild', async () => {
    const reader = new Client({ connectionString: inject('databaseUrl') });
    await reader.connect();
    const logged = vi.spyOn(logger, 'error');
    try {
      await reader.query('BEGIN');
      await reader.query('SELECT count(*) FROM "Company"');
      // The swap commits while the reader holds "Company"; only dropping the old table needs it whole.
      await rebuildAllMatches(db);
      expect(logged.mock.calls.some(([entry]) => (entry as { scope?: string }).scope === 'matching.rebuild.retire')).toBe(true);
      const retired = `SELECT 1 FROM pg_class WHERE starts_with(relname, 'Match_retired_') AND relkind = 'r'`;
      expect(await db.$queryRawUnsafe<unknown[]>(retired)).toHaveLength(1);
      // Still held: the next rebuild swaps all the same (the old table has a name of its own) and
      // leaves its old table too.
      await rebuildAllMatches(db);
      expect(await db.$queryRawUnsafe<unknown[]>(retired)).toHaveLength(2);
      await reader.query('COMMIT');
      await rebuildAllMatches(db);
      expect(await db.$queryRawUnsafe<unknown[]>(retired)).toEqual([]);
    } finally {
      logged.mockRestore();
      await reader.query('ROLLBACK').catch(() => undefined);
      await reader.end();
    }
  });
});
