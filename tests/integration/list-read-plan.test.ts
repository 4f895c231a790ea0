import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import { rerankNeed } from '../../lib/match-store';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { needListStatement } from '../../lib/match-store/queries';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { indexPlanOf as planOf } from './index-plan';
import { testDb as db } from './test-db';

// A need's list as the screens read it (its top companies and every pair somebody acted on) comes
// from "Match_need_list_idx", a partial index on exactly that condition: a need on thousands of
// company lists otherwise walks all its pairs for the fifty it shows (docs/benchmarks/matching.md,
// session 15). The planner uses a partial index only when the query's condition implies the
// index's, so a list condition rewritten, or an index predicate changed, silently falls back to
// the walk. With sequential and bitmap scans off, the plan shows which index the statement can use.

describe("a need's list read", () => {
  let needId: string;

  beforeAll(async () => {
    // Several needs' lists, so that a need's list is a part of the slice "Match_review_queue_idx"
    // holds (the same condition, keyed by score): the planner then prices a scan of that slice
    // above one of the need's own entries, as it does at any real size.
    const needs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
      const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
      needs.push((await createNeed(db, municipality, { sector: 'AGRICULTURE', requiredCapabilities: ['IRRIGATION'] })).id);
    }
    const companies = await Promise.all(Array.from({ length: 20 }, () => createCompany(db, {
      sectors: ['AGRICULTURE'], capabilities: ['IRRIGATION'], verificationStatus: 'VERIFIED', riskAppetite: 'NO_HOSTILITIES',
    })));
    await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${companies.map((c) => c.id)}::uuid[])`);
    for (const id of needs) await rerankNeed(db, id);
    needId = needs[0];
    await db.$executeRawUnsafe('ANALYZE "Match"');
  });

  it('is the partial index’s condition, so that the index can serve it', async () => {
    const [index] = await db.$queryRaw<{ definition: string }[]>`SELECT pg_get_indexdef('"Match_need_list_idx"'::regclass) AS definition`;
    expect(index.definition).toContain('WHERE ("inNeedTop" OR (status <> \'SUGGESTED\'::"MatchStatus"))');
    // (A minimum score is left out: the need's other index can apply it from its key, and which
    // of the two the planner then prefers depends on the scores other test files left behind.)
    for (const filter of [{}, { page: 2, pageSize: 5 }]) {
      const plan = await planOf(needListStatement(needId, filter));
      expect(plan, JSON.stringify(filter)).toContain('Match_need_list_idx');
    }
  });
});
