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
  // Other files' water companies and needs may outrank these: their pairs are put on both lists.
  await db.match.updateMany({ where: { needId: { in: [needId, otherNeedId] }, companyId: { in: companyIds } }, data: { inNeedTop: true, inCompanyTop: true } });
});
afterAll(async () => {
  // Out of other files' rankings: their companies leave with the file.
  await db.company.updateMany({ where: { id: { in: companyIds } }, data: { verificationStatus: 'REJECTED' } });
  await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${companyIds}::uuid[])`);
  await stopQueueClient();
});

/** Each card of the first page, beside the same card read alone (page k of pages of one). */
async function cardsAlone(read: (filter: { page: number; pageSize: number }) => Promise<{ items: StoredMatch[] }>) {
  const { items } = await read({ page: 1, pageSize: 50 });
  const alone = await Promise.all(items.map(async (_, i) => (await read({ page: i + 1, pageSize: 1 })).items[0]));
  return { items, alone };
}

describe('a list page’s shared columns', () => {
  it('give every card of a need’s list its need and its own reasons', async () => {
    const { items, alone } = await cardsAlone((filter) => listMatchesForNeed(db, facilitator, needId, filter));
    const ours = items.filter((item) => companyIds.includes(item.company.id));
    expect(ours).toHaveLength(3);
    // The three score apart, so their reasons differ: a card given another's would show.
    expect(new Set(ours.map((item) => item.score)).size).toBe(3);
    for (const item of items) {
      expect(item.need.id).toBe(needId);
      expect(item.explanation.kind).not.toBe('ineligible');
    }
    expect(items).toEqual(alone);
  });

  it('give every card of a company’s list its own need and reasons', async () => {
    const { items, alone } = await cardsAlone((filter) => listMatchesForCompany(db, facilitator, companyIds[0], filter));
    expect(items.map((item) => item.need.id)).toEqual(expect.arrayContaining([needId, otherNeedId]));
    for (const item of items) expect(item.explanation.kind).not.toBe('ineligible');
    expect(items).toEqual(alone);
  });
});
