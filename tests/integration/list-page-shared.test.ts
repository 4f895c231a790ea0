import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { Prisma } from '../../lib/generated/prisma/client';
import { listMatchesForCompany, listMatchesForNeed, rerankNeed, type StoredMatch } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { createCompany, type CompanyInput } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// A list's page sends what its rows share — a need's list's need and inputs, each policy
// version's settings — on one row, and the client gives it to the others (lib/match-store/queries.ts).
// Every card must still show its need and the reasons its own row would have had: each card of a
// page equals the same card read as the only row of a page of one.

const facilitator: Actor = { userId: 'list-page-shared', role: 'FACILITATOR', companyId: null, municipalityId: null };
let needId: string;
let otherNeedId: string;
let companyIds: string[];

beforeAll(async () => {
  const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  // Another capability besides the file's own, so that the three companies score apart.
  const need = await createNeed(db, municipality, { sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'] });
  needId = need.id;
  const companies = await Promise.all(([
    { capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'], experienceCountries: ['KH'] },
    { capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'], experienceCountries: [] },
    { capabilities: ['WATER_PURIFICATION'], experienceCountries: [] },
  ] satisfies Partial<CompanyInput>[]).map((facts) => createCompany(db, { ...facts, sectors: ['WATER_SANITATION'], riskAppetite: 'NO_HOSTILITIES', verificationStatus: 'VERIFIED' })));
  companyIds = companies.map((company) => company.id);
  await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${companyIds}::uuid[])`);
  // A second need, so that a company's list holds two needs (each card its own need and inputs).
  const other = await createNeed(db, municipality, { sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION'] });
  otherNeedId = other.id;
  for (const id of [needId, otherNeedId]) await rerankNeed(db, id);
  // Other files' water companies and needs may outrank these, or share their lists: the file's
  // pairs are put on both lists, and marked shortlisted, and the lists are read by that status
  // (other files' pairs on these lists are merely suggested).
  await db.match.updateMany({
    where: { needId: { in: [needId, otherNeedId] }, companyId: { in: companyIds } }, data: { inNeedTop: true, inCompanyTop: true, status: 'SHORTLISTED' },
  });
});
afterAll(async () => {
  // Out of other files' rankings: their companies leave with the file.
  await db.company.updateMany({ where: { id: { in: companyIds } }, data: { verificationStatus: 'REJECTED' } });
  await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${companyIds}::uuid[])`);
  const stillEligible = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "CompanyMatchProfile" WHERE "companyId" = ANY(${companyIds}::uuid[]) AND "isEligible"`;
  await stopQueueClient();
  if (stillEligible[0].n !== 0) throw new Error('the file’s companies are still eligible for other files’ rankings');
});

type ListFilter = { page: number; pageSize: number; status: 'SHORTLISTED' };
/** Each card of the file's page, beside the same card read alone (page k of pages of one). */
async function cardsAlone(read: (filter: ListFilter) => Promise<{ items: StoredMatch[] }>) {
  const { items } = await read({ page: 1, pageSize: 50, status: 'SHORTLISTED' });
  const alone = await Promise.all(items.map(async (_, i) => (await read({ page: i + 1, pageSize: 1, status: 'SHORTLISTED' })).items[0]));
  return { items, alone };
}

describe('a list page’s shared columns', () => {
  it('give every card of a need’s list its need and its own reasons', async () => {
    const { items, alone } = await cardsAlone((filter) => listMatchesForNeed(db, facilitator, needId, filter));
    expect(items.map((item) => item.company.id).sort()).toEqual([...companyIds].sort());
    // The three score apart, so their reasons differ: a card given another's would show.
    expect(new Set(items.map((item) => item.score)).size).toBe(3);
    for (const item of items) {
      expect(item.need.id).toBe(needId);
      expect(item.explanation.kind).not.toBe('ineligible');
    }
    expect(items).toEqual(alone);
  });

  it('give a card judged under another policy version that version’s settings', async () => {
    // A policy change re-ranks lazily, so a page can mix versions. The last card (not the first,
    // which carries its version's settings anyway) is put under a version of its own: a copy of
    // the current one, made for this test and removed after it (files run one at a time).
    const current = await db.matchingPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
    const { items: before } = await cardsAlone((filter) => listMatchesForNeed(db, facilitator, needId, filter));
    const last = before[before.length - 1];
    await db.matchingPolicy.create({ data: { version: current.version + 1, weights: current.weights!, hardConstraints: current.hardConstraints!, note: 'list-page-shared' } });
    try {
      await db.match.update({ where: { id: last.id }, data: { policyVersion: current.version + 1 } });
      const { items, alone } = await cardsAlone((filter) => listMatchesForNeed(db, facilitator, needId, filter));
      expect(items.map((item) => item.explanation.kind)).not.toContain('ineligible');
      expect(items).toEqual(alone);
    } finally {
      await db.match.update({ where: { id: last.id }, data: { policyVersion: current.version } });
      await db.matchingPolicy.delete({ where: { version: current.version + 1 } });
    }
  });

  it('give every card of a company’s list its own need and reasons', async () => {
    const { items, alone } = await cardsAlone((filter) => listMatchesForCompany(db, facilitator, companyIds[0], filter));
    expect(items.map((item) => item.need.id).sort()).toEqual([needId, otherNeedId].sort());
    for (const item of items) expect(item.explanation.kind).not.toBe('ineligible');
    expect(items).toEqual(alone);
  });
});
