import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import type { Actor } from '../../lib/auth/actor';
import { getOwnStandingOnNeed, listInterestsForNeed } from '../../lib/interests/need-interests';
import { GET as searchCompaniesRoute } from '../../app/api/companies/search/route';
import { getPairCard } from '../../lib/match-decisions/pair-card';
import { COMPANY_SEARCH_LIMIT, searchCompaniesToCompare } from '../../lib/match-decisions/search-companies';
import { rerankNeed } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { getOwnSiteListing } from '../../lib/needs/manage-needs';
import { readSiteListing } from '../../lib/reference/site-listing';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// Every exclusion explained: the company reads which condition excludes it, the hromada and the
// facilitators read why an interested company is not ranked, facilitators open any pair, and a
// hromada is told when no company can be ranked there.

let world: AccessWorld;
let need: { id: string };
let strict: { id: string };
let strictRep: Actor;

beforeAll(async () => {
  world = await createAccessWorld(db);
  const calm = await createMunicipality(db, (await pickFreeHromada(db, { hostilityStatus: 'NONE' })).code, { verificationStatus: 'VERIFIED' });
  // No public tender: a company that requires one is excluded by the integrity constraint.
  need = await createNeed(db, calm, { procurementMethod: 'NONE', prozorroTenderId: null, fundingSource: 'MUNICIPAL_BUDGET' });
  strict = await createCompany(db, { verificationStatus: 'VERIFIED', tenderRequirement: 'TRANSPARENT_TENDER' });
  const rep = await createUser(db, { role: 'COMPANY_REP', companyId: strict.id });
  strictRep = { userId: rep.id, role: 'COMPANY_REP', companyId: strict.id, municipalityId: null };
  await db.interest.create({ data: { companyId: strict.id, needId: need.id, direction: 'COMPANY_INTEREST', note: 'We can help.' } });
  await rerankNeed(db, need.id);
});
afterAll(async () => {
  await stopQueueClient();
});

const run = (name: ActionName, actor: Actor, input: unknown) => runAction(db, name, operationOf(name), actor, input, { ip: null });

describe('a company reads why it is not ranked', () => {
  it('names the failed constraint with its code and params, with no stored match behind it', async () => {
    expect(await db.match.count({ where: { needId: need.id, companyId: strict.id } })).toBe(0);
    const standing = await getOwnStandingOnNeed(db, strictRep, need.id);
    expect(standing.match).toBeNull();
    expect(standing.assessment).toMatchObject({
      kind: 'judged',
      result: { kind: 'excluded', failed: [{ constraint: 'integrity', reason: { code: 'REQUIRES_TRANSPARENT_TENDER', params: { procurement: 'NONE' } } }] },
    });
  });

  it('is told when its own company is not verified yet', async () => {
    const unverified = await createCompany(db, { sectors: ['ENERGY'] });
    const rep = await createUser(db, { role: 'COMPANY_REP', companyId: unverified.id });
    const standing = await getOwnStandingOnNeed(db, { userId: rep.id, role: 'COMPANY_REP', companyId: unverified.id, municipalityId: null }, need.id);
    expect(standing.assessment).toEqual({ kind: 'notJudged', why: 'companyNotVerified' });
  });
});

describe('interest from an excluded company', () => {
  it('carries the reason in the hromada’s list and in the facilitators’ list', async () => {
    const calmRep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: (await db.need.findUniqueOrThrow({ where: { id: need.id } })).municipalityId });
    const owner: Actor = { userId: calmRep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: calmRep.municipalityId };
    for (const actor of [owner, world.facilitator.actor]) {
      const [interest] = await listInterestsForNeed(db, actor, need.id);
      expect(interest.company.id).toBe(strict.id);
      expect(interest.isRecommended).toBe(false);
      expect(interest.matchId).toBeNull();
      expect(interest.assessment).toMatchObject({ kind: 'judged', result: { kind: 'excluded', failed: [{ reason: { code: 'REQUIRES_TRANSPARENT_TENDER' } }] } });
    }
    await expect(listInterestsForNeed(db, world.otherMunicipalityRep.actor, need.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a facilitator opens any pair', () => {
  it('shows the failed constraints of an unranked pair and the points it would have without them', async () => {
    const card = await getPairCard(db, world.facilitator.actor, { needId: need.id, companyId: strict.id });
    expect(card?.match).toBeNull();
    expect(card?.assessment).toMatchObject({ kind: 'judged', result: { kind: 'excluded' }, hypothetical: { kind: 'scored' } });
    const hypothetical = card?.assessment.kind === 'judged' ? card.assessment.hypothetical : null;
    expect(hypothetical?.kind === 'scored' && hypothetical.score).toBeGreaterThan(0);
  });

  it('shows points as if in the sector when only the sector excludes it', async () => {
    const elsewhere = await createCompany(db, { verificationStatus: 'VERIFIED', sectors: ['WATER_SANITATION'] });
    const card = await getPairCard(db, world.admin.actor, { needId: need.id, companyId: elsewhere.id });
    expect(card?.assessment).toMatchObject({
      kind: 'judged',
      result: { kind: 'excluded', failed: [{ constraint: 'sector', reason: { code: 'OUTSIDE_COMPANY_SECTORS' } }] },
      hypothetical: { kind: 'scored' },
    });
  });

  it('refuses company and municipality representatives, and visitors', async () => {
    const input = { needId: need.id, companyId: strict.id };
    await expect(getPairCard(db, strictRep, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getPairCard(db, world.companyRep.actor, { needId: need.id, companyId: world.company.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getPairCard(db, world.municipalityRep.actor, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getPairCard(db, null, input)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(searchCompaniesToCompare(db, world.companyRep.actor, { q: 'Test' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(searchCompaniesToCompare(db, world.municipalityRep.actor, { q: 'Test' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(searchCompaniesToCompare(db, null, { q: 'Test' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(getPairCard(db, world.facilitator.actor, { needId: 'nope', companyId: strict.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await getPairCard(db, world.facilitator.actor, { needId: strict.id, companyId: strict.id })).toBeNull();
  });
});

describe('the company picker on a need\'s page', () => {
  const names = async (q: string) => (await searchCompaniesToCompare(db, world.facilitator.actor, { q })).map((company) => company.legalNameEn);

  it('finds companies by part of either name, a page at a time, typed wildcards matching themselves', async () => {
    const marker = `Picker${Date.now()}`;
    const odd = await createCompany(db, { legalNameEn: `${marker} 100%_Works`, legalNameJa: `${marker}工業％` });
    for (let i = 0; i < COMPANY_SEARCH_LIMIT + 5; i++) await createCompany(db, { legalNameEn: `${marker} Industries ${String(i).padStart(2, '0')}` });
    const page = await names(marker.toLowerCase());
    expect(page).toHaveLength(COMPANY_SEARCH_LIMIT);
    expect(page).toEqual([...page].sort());
    expect(await names(`${marker} 100%_`)).toEqual([odd.legalNameEn]);
    expect(await names(`${marker}工業`)).toEqual([odd.legalNameEn]);
    expect(await names(`${marker} 1_0`)).toEqual([]);
    expect(await names('%%')).toEqual([]);
    // Below two characters nothing is asked.
    expect(await names('P')).toEqual([]);
  });

  it('answers staff only through its route', async () => {
    const response = await searchCompaniesRoute(new NextRequest('http://localhost/api/companies/search?q=Test'));
    expect(response.status).toBe(401);
  });
});

describe('the hromada is told what the official list means for its needs', () => {
  it('publishing at a wholly occupied hromada answers that no company can be ranked there', async () => {
    const occupied = await pickFreeHromada(db, { hostilityStatus: 'TEMPORARILY_OCCUPIED', hostilityScope: 'WHOLE' });
    const municipality = await createMunicipality(db, occupied.code, { verificationStatus: 'VERIFIED' });
    const rep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id });
    const actor: Actor = { userId: rep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: municipality.id };
    const draft = await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null });
    const listing = await readSiteListing(db, occupied.code);
    expect(listing).toMatchObject({ status: 'TEMPORARILY_OCCUPIED', isWhollyOccupied: true, settlements: [] });
    expect(listing.wholeSince).toBeInstanceOf(Date);
    expect(await getOwnSiteListing(db, actor)).toEqual(listing);
    await expect(getOwnSiteListing(db, world.companyRep.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getOwnSiteListing(db, world.facilitator.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const published = await run('publishNeed', actor, { needId: draft.id, expectedVersion: draft.version });
    expect(published).toMatchObject({ ok: true, data: { site: { status: 'TEMPORARILY_OCCUPIED', noCompanyCanBeRanked: true } } });
  });

  it('a partly listed hromada names its listed settlements, their codes and since when', async () => {
    const partly = await pickFreeHromada(db, { hostilityScope: 'PARTIAL' });
    const listing = await readSiteListing(db, partly.code);
    expect(listing.isWholeHromada).toBe(false);
    expect(listing.isWhollyOccupied).toBe(false);
    expect(listing.settlements.length).toBeGreaterThan(0);
    const rows = await db.hostilityPeriod.findMany({ where: { hromadaCode: partly.code, territoryLevel: 'SETTLEMENT', endDate: null } });
    for (const settlement of listing.settlements) {
      expect(settlement.code).toMatch(/^UA\d{17}$/);
      expect(rows.some((row) => row.territoryCode === settlement.code && row.territoryName === settlement.name)).toBe(true);
      expect(settlement.since).toBeInstanceOf(Date);
    }
  });

  it('a calm hromada has nothing to say', async () => {
    const calm = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
    expect(await readSiteListing(db, calm.code)).toMatchObject({ status: 'NONE', isWhollyOccupied: false, settlements: [] });
  });
});
