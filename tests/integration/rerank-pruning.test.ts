import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import type { Capability, DeliveryMode, RiskAppetite, Stage, TenderRequirement } from '../../lib/generated/prisma/enums';
import { getCurrentPolicy, rebuildAllMatches, rerankCompany, rerankNeed } from '../../lib/match-store';
import { poolOf } from '../../lib/db';
import { experienceSql, needExperienceSql, needScaleSql, needScoreBoundSql, scaleBoundSql, scoreBound, scoreBoundSql } from '../../lib/match-store/bound';
import { CRITERION_FNS } from '../../lib/matching/criteria';
import { loadInterests, loadNeeds } from '../../lib/match-store/inputs';
import { needGradedBoundSql, needMayReachGradedSql, needQuickBoundSql, needScaledBoundSql, needTenderBoundSql } from '../../lib/match-store/need-bound';
import { loadCandidateCompanies, loadCompanyProfiles } from '../../lib/match-store/profiles';
import { COMPANY_TOP_K, NEED_TOP_K } from '../../lib/match-store/write';
import { EXCLUDED, scorePair } from '../../lib/matching/evaluate';
import { prepareCompany, prepareNeed } from '../../lib/matching/prepare';
import { seededRandom } from '../bench/synthetic-world';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb } from './test-db';

// Re-ranking reads only the counterparts whose score bound (lib/match-store/bound.ts) can reach a
// list floor. The differential test's worlds are too small for full need lists, so here a world
// has more companies than a need keeps and more needs than a company keeps: every list is full,
// every floor is set, and the bound decides what is read. Each re-rank alone must then leave the
// lists exactly as the pure engine orders every pair; a bound one point too tight fails this.

const SECTOR = 'TRANSPORT';
const POOL: Capability[] = ['TEMPORARY_BRIDGES', 'BRIDGE_ENGINEERING', 'ROAD_CONSTRUCTION', 'RAIL_SYSTEMS', 'PUBLIC_TRANSPORT_VEHICLES'];
const APPETITES: RiskAppetite[] = ['AFTER_CEASEFIRE_ONLY', 'NO_HOSTILITIES', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES', 'ACTIVE_HOSTILITIES'];
const MODES: DeliveryMode[] = ['ON_SITE', 'SUPPLY_ONLY', 'REMOTE_SUPPORT'];
const STAGES: Stage[] = ['RAPID_RECOVERY', 'RECONSTRUCTION'];
const TENDER: TenderRequirement[] = ['NONE', 'NONE', 'NONE', 'TRANSPARENT_TENDER', 'IFI_OR_DONOR_OVERSIGHT'];
const PLACES = [['27', '271004', 'Osaka'], ['26', '261009', 'Kyoto'], ['13', '131016', 'Chiyoda'], ['14', '141003', 'Yokohama']] as const;

const random = seededRandom(16);
const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)];
const some = <T,>(values: readonly T[], min: number) => {
  const out = values.filter(() => random() < 0.4);
  return out.length >= min ? out : values.slice(0, min);
};

type Entry = [id: string, score: number];
const companies: string[] = [];
const needs: string[] = [];

async function engineLists() {
  const asOf = new Date();
  const policy = await getCurrentPolicy(testDb);
  const [needRows, companyRows, interests] = await Promise.all([
    loadNeeds(testDb, Prisma.sql`true`), loadCompanyProfiles(testDb, 'all'), loadInterests(testDb, Prisma.sql`true`),
  ]);
  const byNeed = new Map<string, Entry[]>();
  const byCompany = new Map<string, Entry[]>();
  const prepared = companyRows.map(prepareCompany);
  // The SQL bound a need's re-rank reads its candidates by, for every company of this world.
  const sqlBounds = new Map<string, Map<string, number>>();
  for (const need of needRows.filter((n) => needs.includes(n.id))) {
    const values: unknown[] = [companies];
    const bound = scoreBoundSql(prepareNeed(need, asOf), policy, asOf, (value) => `$${values.push(value)}`);
    const result = await poolOf(testDb).query<{ companyId: string; bound: number }>({
      text: `SELECT "companyId", ${bound} AS bound FROM "CompanyMatchProfile" WHERE "companyId" = ANY($1::uuid[])`, values,
    });
    sqlBounds.set(need.id, new Map(result.rows.map((row) => [row.companyId, Number(row.bound)])));
  }
  // The SQL bound a company's re-rank reads its candidate needs by, for every need of this world:
  // one statement per company (a statement per pair made this file slow enough to time out under load).
  const needSideBounds = new Map<string, Map<string, number>>();
  const gradedBounds = new Map<string, Map<string, { quick: number; scaled: number; tender: number; graded: number }>>();
  for (const company of prepared.filter((c) => companies.includes(c.company.id))) {
    const rows = await testDb.$queryRaw<{ id: string; bound: number }[]>`
      SELECT n.id, ${needScoreBoundSql({ ...company.company, ...company }, policy)} AS bound FROM "Need" n WHERE n.id = ANY(${needs}::uuid[])`;
    needSideBounds.set(company.company.id, new Map(rows.map((row) => [row.id, Number(row.bound)])));
    // The company re-rank's two tests (need-bound.ts): the quick one, then security and integrity graded.
    const forBound = { ...company.company, ...company };
    const graded = await testDb.$queryRaw<{ id: string; quick: number; scaled: number; tender: number; graded: number }[]>`
      SELECT n.id, ${needQuickBoundSql(forBound, policy)} AS quick, ${needScaledBoundSql(forBound, policy)} AS scaled,
        ${needTenderBoundSql(forBound, policy)} AS tender, ${needGradedBoundSql(forBound, policy, asOf)} AS graded
      FROM "Need" n WHERE n.id = ANY(${needs}::uuid[])`;
    gradedBounds.set(company.company.id, new Map(graded.map((row) => [row.id, {
      quick: Number(row.quick), scaled: Number(row.scaled), tender: Number(row.tender), graded: Number(row.graded),
    }])));
  }
  for (const need of needRows) {
    const preparedNeed = prepareNeed(need, asOf);
    for (const company of prepared) {
      const interest = interests.get(`${need.id}:${company.company.id}`);
      const context = { asOf, companyRegisteredInterest: interest?.asked ?? false, municipalityInvitedCompany: interest?.invited ?? false };
      const score = scorePair(preparedNeed, company, context, policy);
      if (score === EXCLUDED) continue;
      // The bounds hold for every pair the engine scores (reciprocal interest aside: read anyway).
      if (!interest && needs.includes(need.id)) {
        expect(scoreBound(preparedNeed, company, policy) + 0.5, `${need.id}:${company.company.id}`).toBeGreaterThanOrEqual(score);
        if (companies.includes(company.company.id)) {
          expect(needSideBounds.get(company.company.id)!.get(need.id)! + 0.5, `SQL of needs ${need.id}:${company.company.id}`).toBeGreaterThanOrEqual(score);
          for (const [tier, bound] of Object.entries(gradedBounds.get(company.company.id)!.get(need.id)!)) {
            expect(bound + 0.5, `${tier} SQL of needs ${need.id}:${company.company.id}`).toBeGreaterThanOrEqual(score);
          }
          // The SQL bounds were read for this file's companies only: another file's verified company
          // (company-profiles.test.ts leaves some in ENERGY) scores with these needs too.
          expect(sqlBounds.get(need.id)!.get(company.company.id)! + 0.5, `SQL ${need.id}:${company.company.id}`).toBeGreaterThanOrEqual(score);
        }
      }
      byNeed.set(need.id, [...(byNeed.get(need.id) ?? []), [company.company.id, score]]);
      byCompany.set(company.company.id, [...(byCompany.get(company.company.id) ?? []), [need.id, score]]);
    }
  }
  const best = (list: Entry[] | undefined, k: number) => (list ?? []).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  return { need: (id: string) => best(byNeed.get(id), NEED_TOP_K), company: (id: string) => best(byCompany.get(id), COMPANY_TOP_K) };
}

async function storedList(column: 'needId' | 'companyId', id: string): Promise<Entry[]> {
  const rows = await testDb.match.findMany({
    where: column === 'needId' ? { needId: id, inNeedTop: true } : { companyId: id, inCompanyTop: true },
    orderBy: [{ score: 'desc' }, { [column === 'needId' ? 'companyId' : 'needId']: 'asc' }],
  });
  return rows.map((row) => [column === 'needId' ? row.companyId : row.needId, row.score]);
}

async function expectEngineOrder(label: string) {
  const engine = await engineLists();
  for (const id of needs) expect(await storedList('needId', id), `${label}: need ${id}`).toEqual(engine.need(id));
  for (const id of companies) expect(await storedList('companyId', id), `${label}: company ${id}`).toEqual(engine.company(id));
}

/** Re-ranks the subject, then every counterpart whose list lost an entry, as the queue would. */
async function rerankAndRefill(subject: 'need' | 'company', id: string) {
  const queue: ['need' | 'company', string][] = [[subject, id]];
  for (let done = 0; queue.length > 0 && done < 500; done += 1) {
    const [side, next] = queue.shift()!;
    const outcome = side === 'need' ? await rerankNeed(testDb, next) : await rerankCompany(testDb, next);
    for (const shrunk of outcome.shrunk) queue.push([side === 'need' ? 'company' : 'need', shrunk]);
  }
}

const companyData = () => {
  const [prefectureCode, municipalityCode, cityEn] = pick(PLACES);
  return {
    sectors: [SECTOR] as const, capabilities: some(POOL, 1), riskAppetite: pick(APPETITES), deliveryModes: some(MODES, 1),
    stages: some(STAGES, 1), tenderRequirement: pick(TENDER), maxProjectEur: pick([null, 400_000, 3_000_000, 40_000_000]),
    employees: pick([15, 150, 2_500]), prefectureCode, municipalityCode, cityEn,
    experienceCountries: random() < 0.3 ? [pick(['KH', 'IQ', 'VN'])] : [], hasDisasterReconstructionExperience: random() < 0.3,
  };
};

// Each test re-ranks every need and company of the world and compares every list with the engine's,
// over all pairs, several times: on the shared two-core machine one test took 8 s in one window and
// 45 s in another. Past the project's 60 s a test is failed but not stopped — it keeps re-ranking and
// editing while the next tests run, and they then compare lists edited under them (the likely way
// four failed at once). The budget is the work's, not a claim about its speed (nothing here asserts a time).
const BUDGET_MS = 300_000;

beforeAll(async () => {
  for (let i = 0; i < NEED_TOP_K + 40; i += 1) {
    const data = companyData();
    companies.push((await createCompany(testDb, { ...data, sectors: [...data.sectors], verificationStatus: 'VERIFIED' })).id);
  }
  // Some needs in an oblast tied to a prefecture of PLACES (Kanagawa–Odesa), so that the sister-city
  // criterion scores and its bound is held above it.
  const tiedOblasts = (await testDb.sisterCityLink.findMany({
    where: { prefectureCode: { in: PLACES.map((place) => place[0]) }, oblastCode: { not: null } }, select: { oblastCode: true },
  })).map((link) => link.oblastCode!);
  expect(tiedOblasts.length).toBeGreaterThan(0);
  for (let i = 0; i < COMPANY_TOP_K + 8; i += 1) {
    const status = pick([{ hostilityStatus: 'NONE' }, { hostilityScope: 'PARTIAL' }, { hostilityStatus: 'POSSIBLE_HOSTILITIES' }] as const);
    const hromada = await pickFreeHromada(testDb, i % 4 === 0 ? { oblastCode: { in: tiedOblasts } } : status);
    const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
    const budget = pick([null, 60_000, 900_000, 12_000_000]);
    needs.push((await createNeed(testDb, municipality, {
      sector: SECTOR, stage: pick(STAGES), requiredCapabilities: some(POOL, 1),
      budgetAmount: budget === null ? null : String(budget), budgetCurrency: budget === null ? null : 'EUR',
      procurementMethod: pick(['PROZORRO', 'NONE'] as const), fundingSource: pick(['DONOR_GRANT', 'MUNICIPAL_BUDGET', 'JICA'] as const),
    })).id);
  }
  await rebuildAllMatches(testDb);
}, BUDGET_MS);

afterAll(async () => {
  await testDb.need.updateMany({ where: { id: { in: needs } }, data: { status: 'CLOSED', closedAt: new Date() } });
  await testDb.company.updateMany({ where: { id: { in: companies } }, data: { verificationStatus: 'REJECTED' } });
  await rebuildAllMatches(testDb);
}, BUDGET_MS);

describe('re-ranking with the score bound, on full lists', { timeout: BUDGET_MS }, () => {
  it('the world fills most lists, so that the bound prunes', async () => {
    const floors = await testDb.need.findMany({ where: { id: { in: needs } }, select: { matchFloor: true } });
    expect(floors.filter((n) => n.matchFloor >= 0).length).toBeGreaterThanOrEqual(needs.length / 3);
    const companyFloors = await testDb.companyMatchProfile.findMany({ where: { companyId: { in: companies } }, select: { matchFloor: true } });
    expect(companyFloors.filter((c) => c.matchFloor >= 0).length).toBeGreaterThanOrEqual(companies.length / 4);
    await expectEngineOrder('rebuilt');
    // And the bound leaves some candidates unread.
    const policy = await getCurrentPolicy(testDb);
    let left = 0;
    for (const need of await loadNeeds(testDb, Prisma.sql`n.id = ANY(${needs}::uuid[]) AND n."matchFloor" >= 0`)) {
      const prepared = prepareNeed(need, new Date());
      const all = await loadCandidateCompanies(testDb, prepared, policy);
      const pruned = await loadCandidateCompanies(testDb, prepared, policy, { threshold: need.matchFloor, always: [], asOf: new Date() });
      left += all.length - pruned.length;
    }
    expect(left).toBeGreaterThan(0);
  });

  it('the graded terms of both SQL bounds are at least the criteria they stand for, pair by pair', async () => {
    // The whole bound has slack from the criteria it does not grade, which would hide a step
    // graded one notch too tight (it did: a scale step valued at its top rather than its bottom
    // passed the tests above); so each graded term is held against its own criterion.
    const asOf = new Date();
    const policy = await getCurrentPolicy(testDb);
    const context = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
    const profiles = (await loadCompanyProfiles(testDb, companies)).map(prepareCompany);
    let graded = 0;
    // The company side's terms for every need of this world, one statement per company.
    const needSide = new Map<string, Map<string, { scale: number; experience: number }>>();
    for (const company of profiles) {
      const rows = await testDb.$queryRaw<{ id: string; scale: number; experience: number }[]>`
        SELECT n.id, ${Prisma.raw(needScaleSql({ ...company.company, ...company }, policy))} AS scale,
          ${Prisma.raw(needExperienceSql({ ...company.company, ...company }, policy))} AS experience
        FROM "Need" n WHERE n.id = ANY(${needs}::uuid[])`;
      needSide.set(company.company.id, new Map(rows.map((row) => [row.id, row])));
    }
    for (const need of await loadNeeds(testDb, Prisma.sql`n.id = ANY(${needs}::uuid[])`)) {
      const preparedNeed = prepareNeed(need, asOf);
      const values: unknown[] = [companies];
      const param = (value: unknown) => `$${values.push(value)}`;
      const result = await poolOf(testDb).query<{ companyId: string; scale: number; experience: number }>({
        text: `SELECT "companyId", ${scaleBoundSql(preparedNeed, policy, context)} AS scale, ${experienceSql(preparedNeed, policy, context, param)} AS experience
          FROM "CompanyMatchProfile" WHERE "companyId" = ANY($1::uuid[])`, values,
      });
      const byCompany = new Map(result.rows.map((row) => [row.companyId, row]));
      for (const company of profiles) {
        if (scorePair(preparedNeed, company, context, policy) === EXCLUDED) continue;
        const scale = policy.weights.scale * CRITERION_FNS.scale(preparedNeed, company, context);
        const experience = policy.weights.experience * CRITERION_FNS.experience(preparedNeed, company, context);
        const label = `${need.id}:${company.company.id}`;
        expect(Number(byCompany.get(company.company.id)!.scale), `need side, scale ${label}`).toBeGreaterThanOrEqual(scale);
        expect(Number(byCompany.get(company.company.id)!.experience), `need side, experience ${label}`).toBeGreaterThanOrEqual(experience);
        const row = needSide.get(company.company.id)!.get(need.id)!;
        expect(Number(row.scale), `company side, scale ${label}`).toBeGreaterThanOrEqual(scale);
        expect(Number(row.experience), `company side, experience ${label}`).toBeGreaterThanOrEqual(experience);
        if (scale > 0 && scale < policy.weights.scale) graded += 1;
      }
    }
    // The world has pairs on the graded steps (a budget above the capacity, within the constraint).
    expect(graded).toBeGreaterThan(0);
  });

  it('a company’s need read admits every need that may enter either list, ties by id included, and leaves out ties it loses', async () => {
    // Read without the stored pairs (always: none), so that the lists' own members must pass by the
    // bound and the tie rules alone: a tie at the company's floor enters before its last need, a tie
    // at a need's floor when the company sorts before that list's last company there.
    const asOf = new Date();
    const policy = await getCurrentPolicy(testDb);
    const context = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
    const interests = await loadInterests(testDb, Prisma.sql`true`);
    const needRows = (await loadNeeds(testDb, Prisma.sql`n.id = ANY(${needs}::uuid[])`)).map((input) => ({ input, prepared: prepareNeed(input, asOf) }));
    const lastAtFloor = new Map((await testDb.$queryRaw<{ needId: string; last: string | null }[]>`
      SELECT n.id::text AS "needId", (SELECT m."companyId"::text FROM "Match" m WHERE m."needId" = n.id AND m."inNeedTop" AND m.score = n."matchFloor"
        ORDER BY m."companyId" DESC LIMIT 1) AS last FROM "Need" n WHERE n.id = ANY(${needs}::uuid[])`).map((row) => [row.needId, row.last]));
    let tiesChecked = 0;
    const needTies = { won: 0, lost: 0 };
    for (const company of (await loadCompanyProfiles(testDb, companies)).map(prepareCompany)) {
      const id = company.company.id;
      const { matchFloor: floor, matchFloorNeedId: last } = await testDb.companyMatchProfile.findUniqueOrThrow({ where: { companyId: id } });
      const forBound = { ...company.company, ...company };
      const read = new Set((await testDb.$queryRaw<{ id: string }[]>`
        SELECT n.id::text AS id FROM "Need" n WHERE n.id = ANY(${needs}::uuid[])
          AND ${needMayReachGradedSql(forBound, policy, asOf, { list: { floor, last }, always: [] })}`).map((row) => row.id));
      for (const { input, prepared } of needRows) {
        if (interests.has(`${input.id}:${id}`)) continue;
        const score = scorePair(prepared, company, context, policy);
        if (score === EXCLUDED) continue;
        const entersCompanyList = floor < 0 || score > floor || (score === floor && (last === null || input.id < last));
        const needLast = lastAtFloor.get(input.id) ?? null;
        const entersNeedList = input.matchFloor < 0 || score > input.matchFloor
          || (score === input.matchFloor && (needLast === null || id < needLast));
        if (entersCompanyList || entersNeedList) expect(read.has(input.id), `${input.id}:${id} scores ${score}`).toBe(true);
      }
      // A need whose bound reaches a company list's floor exactly, and stays below its own list's
      // floor, can enter only by winning the tie at the company's floor: it is read when its id sorts
      // before the list's last need, not after (the floor and last need given here, so that every
      // world has such pairs).
      const bounds = await testDb.$queryRaw<{ id: string; reach: number; floor: number }[]>`
        SELECT n.id::text AS id, floor(${needGradedBoundSql(forBound, policy, asOf)} + 0.500001)::int AS reach, n."matchFloor" AS floor
        FROM "Need" n WHERE n.id = ANY(${needs}::uuid[])`;
      for (const bound of bounds.filter((b) => b.reach >= 0 && b.reach < b.floor && !interests.has(`${b.id}:${id}`)).slice(0, 2)) {
        const readWith = async (lastNeed: string | null) => (await testDb.$queryRaw<{ id: string }[]>`
          SELECT n.id::text AS id FROM "Need" n WHERE n.id = ${bound.id}::uuid
            AND ${needMayReachGradedSql(forBound, policy, asOf, { list: { floor: bound.reach, last: lastNeed }, always: [] })}`).length;
        expect(await readWith('00000000-0000-0000-0000-000000000000'), `${bound.id}:${id} loses the tie`).toBe(0);
        expect(await readWith('ffffffff-ffff-ffff-ffff-ffffffffffff'), `${bound.id}:${id} wins the tie`).toBe(1);
        // Without a last need every tie is read (provesTopList counts them all).
        expect(await readWith(null), `${bound.id}:${id} with no last need`).toBe(1);
        tiesChecked += 1;
      }
      // One whose bound reaches its own list's floor exactly, and stays below the company's: read
      // only if the company sorts before the last company on that list at its floor (or none is).
      for (const bound of bounds.filter((b) => b.floor >= 0 && b.reach === b.floor && !interests.has(`${b.id}:${id}`)).slice(0, 2)) {
        const needLast = lastAtFloor.get(bound.id) ?? null;
        const wins = needLast === null || id < needLast;
        const read = await testDb.$queryRaw<{ id: string }[]>`
          SELECT n.id::text AS id FROM "Need" n WHERE n.id = ${bound.id}::uuid
            AND ${needMayReachGradedSql(forBound, policy, asOf, { list: { floor: bound.reach + 1, last: null }, always: [] })}`;
        expect(read.length, `${bound.id}:${id} ${wins ? 'wins' : 'loses'} the tie at the need's floor`).toBe(wins ? 1 : 0);
        needTies[wins ? 'won' : 'lost'] += 1;
      }
    }
    expect(tiesChecked).toBeGreaterThan(0);
    expect(needTies.won + needTies.lost).toBeGreaterThan(0);
  });

  it('a need re-ranked alone, and a company re-ranked alone, change no list', async () => {
    for (const id of needs) await rerankNeed(testDb, id);
    await expectEngineOrder('needs re-ranked');
    for (const id of companies) await rerankCompany(testDb, id);
    await expectEngineOrder('companies re-ranked');
  });

  it('after edits that move scores up and down, each side re-ranked alone agrees with the engine', async () => {
    // Companies gain every capability (their bound rises past floors) or keep one; needs change
    // what they require (their previous floor may no longer be reached: the full read).
    for (const [i, id] of companies.entries()) {
      if (i % 3 !== 0) continue;
      await testDb.company.update({ where: { id }, data: { capabilities: i % 2 ? POOL : [pick(POOL)], stages: STAGES } });
      await rerankAndRefill('company', id);
    }
    await expectEngineOrder('companies edited');
    for (const [i, id] of needs.entries()) {
      if (i % 2 !== 0) continue;
      await testDb.need.update({ where: { id }, data: { requiredCapabilities: i % 4 ? POOL : [pick(POOL)] } });
      await rerankAndRefill('need', id);
    }
    await expectEngineOrder('needs edited');
  });

  it('a need whose scores all fall below its previous floor reads every candidate again', async () => {
    // A budget far above most companies' capacity: the scale constraint excludes most of its list,
    // and the rest score lower; its new list comes from companies the bound left out before.
    const full = await testDb.need.findFirstOrThrow({ where: { id: { in: needs }, matchFloor: { gte: 0 } }, orderBy: { id: 'asc' } });
    await testDb.need.update({ where: { id: full.id }, data: { budgetAmount: '300000000', budgetCurrency: 'EUR', requiredCapabilities: POOL } });
    await rerankAndRefill('need', full.id);
    await expectEngineOrder('budget raised');
  });
});
