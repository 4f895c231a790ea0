import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import { getCurrentPolicy } from '../../lib/match-store';
import { loadNeedsWithSites } from '../../lib/match-store/inputs';
import { needPairsStatement } from '../../lib/match-store/need-pairs';
import { candidateQuery, eligibleProfilesSql, syncCompanyProfiles } from '../../lib/match-store/profiles';
import { prepareNeed } from '../../lib/matching/prepare';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { indexPlanOf as planOf } from './index-plan';
import { testDb as db } from './test-db';

// A need's re-rank can read its sector of eligible profiles from "CompanyMatchProfile_sector_scan_idx"
// alone (an index-only scan, a sixth of the pages the heap scan read: docs/benchmarks/matching.md,
// session 13). It can only while the index carries every column the read touches and the read
// asks for eligible profiles, which implies the index's predicate: a profile column added without
// adding it to the index, or a read that drops "isEligible", silently falls back to the heap.
// With sequential and bitmap scans off, the plan shows whether the statement can use it.

const INDEX = 'CompanyMatchProfile_sector_scan_idx';

describe('the sector scan of company profiles', () => {
  let needId: string;

  beforeAll(async () => {
    // Far from hostilities, so that the hard rules leave companies to read and the read's conditions are all there.
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(db, { id: municipality.id, hromadaCode: hromada.code }, { sector: 'ENERGY' });
    needId = need.id;
    const companies = await Promise.all([0, 1, 2].map(() => createCompany(db, { sectors: ['ENERGY'], verificationStatus: 'VERIFIED' })));
    await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${companies.map((c) => c.id)}::uuid[])`);
    // An index-only scan is planned from the visibility map, which VACUUM fills. It cannot mark a
    // page all-visible while a transaction that began before that page's last change is still open
    // (another file's connection winding down): the planner then prices heap fetches, and takes a
    // plain index scan. So VACUUM again until the map covers the table (seen once in a run of three files).
    for (let attempt = 1; ; attempt += 1) {
      await db.$executeRawUnsafe('VACUUM ANALYZE "CompanyMatchProfile"');
      const [{ covered }] = await db.$queryRaw<{ covered: boolean }[]>`
        SELECT relallvisible >= relpages AS covered FROM pg_class WHERE oid = '"CompanyMatchProfile"'::regclass`;
      if (covered) break;
      if (attempt === 20) throw new Error('VACUUM left pages of the profiles off the visibility map for 5 s: an index-only plan cannot be expected');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  it('holds every column of an eligible profile, and eligible profiles only', async () => {
    const [index] = await db.$queryRaw<{ columns: string[]; predicate: string | null }[]>`
      SELECT array_agg(a.attname::text) AS columns, pg_get_expr(i.indpred, i.indrelid) AS predicate
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indexrelid = ${`"${INDEX}"`}::regclass
      GROUP BY i.indpred, i.indrelid`;
    const table = await db.$queryRaw<{ name: string }[]>`
      SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = 'CompanyMatchProfile'`;
    const expected = table.map((column) => column.name).filter((name) => name !== 'isEligible').sort();
    expect([...index.columns].sort()).toEqual(expected);
    expect(index.predicate).toBe('"isEligible"');
  });

  it("can read a need's stored pairs and its sector from the index alone", async () => {
    const policy = await getCurrentPolicy(db);
    const asOf = new Date();
    const [input] = await loadNeedsWithSites(db, Prisma.sql`n.id = ${needId}::uuid`);
    const statement = needPairsStatement(needId, { input, prepared: prepareNeed(input, asOf) }, policy, asOf);
    expect(statement.text).toContain('LEAST(GREATEST("matchFloor", -1)'); // the bound's conditions are in it
    const plan = await planOf(statement);
    expect(plan).toContain(`Index Only Scan using "${INDEX}" on "CompanyMatchProfile"`);
    expect(plan).not.toMatch(/(?<!Only )Scan[^\n]* on "CompanyMatchProfile"/);
  });

  it("can read a need's candidates without its stored pairs (the fallback read) from the index alone", async () => {
    const policy = await getCurrentPolicy(db);
    const [input] = await loadNeedsWithSites(db, Prisma.sql`n.id = ${needId}::uuid`);
    const query = candidateQuery(prepareNeed(input, new Date()), policy);
    expect(query).not.toBeNull();
    const plan = await planOf({ text: eligibleProfilesSql(query!.where), values: query!.values });
    expect(plan).toContain(`Index Only Scan using "${INDEX}" on "CompanyMatchProfile"`);
  });
});
