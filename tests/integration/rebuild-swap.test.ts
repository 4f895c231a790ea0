import { afterAll, describe, expect, it } from 'vitest';
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
// change keeps its row as it was.

afterAll(async () => {
  await stopQueueClient();
});

/** "Match" as the catalogue describes it, without object ids. */
async function definitionOfMatch(): Promise<unknown> {
  const [row] = await db.$queryRawUnsafe<{ definition: unknown }[]>(`
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
}

type Row = { id: string; needId: string; companyId: string; content: string; computedAt: Date; updatedAt: Date };
const rows = () => db.$queryRawUnsafe<Row[]>(
  `SELECT id, "needId", "companyId", (score, points, "inNeedTop", "inCompanyTop", "policyVersion", "judgedOn")::text AS content,
     "computedAt", "updatedAt" FROM "Match"`);

describe('a full rebuild', () => {
  it('leaves "Match" defined exactly as the migrations made it', async () => {
    const before = await definitionOfMatch();
    const oid = async () => (await db.$queryRawUnsafe<{ oid: number }[]>(`SELECT '"Match"'::regclass::oid::int AS oid`))[0].oid;
    const oidBefore = await oid();
    await rebuildAllMatches(db);
    // The table was replaced (not merged into), and nothing of its definition was lost.
    expect(await oid()).not.toBe(oidBefore);
    expect(await definitionOfMatch()).toEqual(before);
    expect(await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM pg_class WHERE relname LIKE 'Match\\_next%'`)).toEqual([]);
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
});
