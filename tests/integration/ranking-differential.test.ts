import fc from 'fast-check';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { Prisma } from '../../lib/generated/prisma/client';
import type { Capability, DeliveryMode, RiskAppetite, SectorCode, Stage, TenderRequirement } from '../../lib/generated/prisma/enums';
import { startJobQueue } from '../../lib/jobs/queue';
import {
  companyChanged, drainMatchingJobs, getCurrentPolicy, interestChanged, listMatchesForCompany, listMatchesForNeed, needChanged,
  rebuildAllMatches, rerankCompany, rerankNeed,
} from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { updateMatchingPolicy } from '../../lib/match-store/policy';
import { loadInterests, loadNeeds } from '../../lib/match-store/inputs';
import { loadCompanyProfiles, syncCompanyProfiles } from '../../lib/match-store/profiles';
import { COMPANY_TOP_K, NEED_TOP_K } from '../../lib/match-store/write';
import { explainStoredMatches, isCurrent } from '../../lib/match-store/explain';
import { EXCLUDED, scorePair } from '../../lib/matching/evaluate';
import { prepareCompany, prepareNeed } from '../../lib/matching/prepare';
import { closeNeed } from '../../lib/needs/close-need';
import { publishNeed } from '../../lib/needs/manage-needs';
import { verifyOrganisation } from '../../lib/verification/verify-organisation';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb } from './test-db';

// The differential test of ranking: random worlds (listed, partly listed and occupied sites,
// every delivery mode and risk appetite, required capabilities, budgets), random sequences of
// changes made through the product's own functions, and then three answers that must agree —
// the stored lists kept by incremental re-ranking, the lists of a full rebuild, and the pure
// engine's order computed here by sorting every pair (score desc, then id).

let boss: PgBoss;
let facilitator: Actor;
const context = { ip: null };

beforeAll(async () => {
  boss = await startJobQueue(inject('databaseUrl'));
  const user = await createUser(testDb, { role: 'FACILITATOR' });
  facilitator = { userId: user.id, role: 'FACILITATOR', companyId: null, municipalityId: null };
  await drainMatchingJobs(testDb, boss);
});

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

// A small vocabulary makes overlaps, partial coverage and equal scores common.
const POOL: Capability[] = ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR', 'WASTEWATER_TREATMENT', 'POWER_GENERATORS'];
const SECTORS: SectorCode[] = ['WATER_SANITATION', 'HOUSING', 'EDUCATION'];
const APPETITES: RiskAppetite[] = ['AFTER_CEASEFIRE_ONLY', 'NO_HOSTILITIES', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES'];
const MODES: DeliveryMode[] = ['ON_SITE', 'SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN'];
const STAGES: Stage[] = ['RAPID_RECOVERY', 'RECONSTRUCTION'];
const TENDER: TenderRequirement[] = ['NONE', 'TRANSPARENT_TENDER', 'IFI_OR_DONOR_OVERSIGHT'];
const SITES: Prisma.HromadaWhereInput[] = [
  { hostilityStatus: 'NONE' },
  { hostilityStatus: 'POSSIBLE_HOSTILITIES', hostilityScope: 'WHOLE' },
  { hostilityStatus: 'ACTIVE_HOSTILITIES', hostilityScope: 'WHOLE' },
  { hostilityScope: 'PARTIAL' },
  { hostilityStatus: 'TEMPORARILY_OCCUPIED', hostilityScope: 'WHOLE' },
];
const BUDGETS = [null, 80_000, 900_000, 20_000_000, 500_000_000];

const subset = <T,>(values: readonly T[], min = 0) => fc.subarray([...values], { minLength: min });

const companyArb = fc.record({
  capabilities: subset(POOL),
  riskAppetite: fc.constantFrom(...APPETITES),
  deliveryModes: subset(MODES, 1),
  stages: subset(STAGES, 1),
  tenderRequirement: fc.constantFrom(...TENDER),
  maxProjectEur: fc.constantFrom(null, 500_000, 5_000_000),
  employees: fc.constantFrom(20, 120, 3_000),
  verified: fc.boolean(),
});

const needArb = fc.record({
  site: fc.integer({ min: 0, max: SITES.length - 1 }),
  requiredCapabilities: subset(POOL),
  budget: fc.constantFrom(...BUDGETS),
  stage: fc.constantFrom(...STAGES),
  procurement: fc.constantFrom('PROZORRO', 'NONE'),
  funding: fc.constantFrom('DONOR_GRANT', 'MUNICIPAL_BUDGET', 'JICA'),
  open: fc.boolean(),
});

const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('editCompany' as const), i: fc.nat(), company: companyArb }),
  fc.record({ kind: fc.constant('editNeed' as const), i: fc.nat(), requiredCapabilities: subset(POOL), budget: fc.constantFrom(...BUDGETS) }),
  fc.record({ kind: fc.constant('publishOrClose' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('verify' as const), i: fc.nat(), decision: fc.constantFrom('VERIFIED' as const, 'REJECTED' as const) }),
  fc.record({ kind: fc.constant('interest' as const), need: fc.nat(), company: fc.nat(), invited: fc.boolean() }),
);

const worldArb = fc.record({
  sector: fc.constantFrom(...SECTORS),
  companies: fc.array(companyArb, { minLength: 3, maxLength: 8 }),
  needs: fc.array(needArb, { minLength: 4, maxLength: 12 }),
  changes: fc.array(changeArb, { minLength: 2, maxLength: 8 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

const companyData = (sector: SectorCode, c: World['companies'][number]) => ({
  sectors: [sector], capabilities: c.capabilities, riskAppetite: c.riskAppetite, deliveryModes: c.deliveryModes,
  stages: c.stages, tenderRequirement: c.tenderRequirement, maxProjectEur: c.maxProjectEur, employees: c.employees,
});

type Entry = [id: string, score: number];

/** The pure engine's answer: every pair scored, each list sorted by score desc then id, cut at k. */
async function engineLists() {
  const asOf = new Date();
  const policy = await getCurrentPolicy(testDb);
  const [needs, companies, interests] = await Promise.all([
    loadNeeds(testDb, Prisma.sql`true`),
    loadCompanyProfiles(testDb, 'all'),
    loadInterests(testDb, Prisma.sql`true`),
  ]);
  const byNeed = new Map<string, Entry[]>();
  const byCompany = new Map<string, Entry[]>();
  const preparedCompanies = companies.map(prepareCompany);
  for (const need of needs) {
    const prepared = prepareNeed(need, asOf);
    for (const company of preparedCompanies) {
      const interest = interests.get(`${need.id}:${company.company.id}`);
      const score = scorePair(prepared, company, {
        asOf, companyRegisteredInterest: interest?.asked ?? false, municipalityInvitedCompany: interest?.invited ?? false,
      }, policy);
      if (score === EXCLUDED) continue;
      byNeed.set(need.id, [...(byNeed.get(need.id) ?? []), [company.company.id, score]]);
      byCompany.set(company.company.id, [...(byCompany.get(company.company.id) ?? []), [need.id, score]]);
    }
  }
  const best = (list: Entry[] | undefined, k: number) =>
    (list ?? []).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  return {
    need: (id: string) => best(byNeed.get(id), NEED_TOP_K),
    company: (id: string) => best(byCompany.get(id), COMPANY_TOP_K),
  };
}

/** The stored lists, in the order the screens read them (equal scores by id, as the engine cuts them). */
async function storedLists(needIds: string[], companyIds: string[]) {
  const needs = new Map<string, Entry[]>();
  const companies = new Map<string, Entry[]>();
  for (const id of needIds) {
    const page = await listMatchesForNeed(testDb, facilitator, id, { pageSize: 50 });
    needs.set(id, page.items.map((m) => [m.company.id, m.score]));
  }
  for (const id of companyIds) {
    const page = await listMatchesForCompany(testDb, facilitator, id, { pageSize: 50 });
    companies.set(id, page.items.map((m) => [m.need.id, m.score]));
  }
  return { need: (id: string) => needs.get(id), company: (id: string) => companies.get(id) };
}

/** Until `count` sessions of this database wait for a lock (seen from `watcher`'s connection); fails after 15 s. */
async function untilWaitingForLocks(watcher: Client, count: number, on?: { xid: string }) {
  const waiting = on
    ? { text: `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = $1`, values: [on.xid] }
    : { text: `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`, values: [] };
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const { rows } = await watcher.query<{ waiting: number }>(waiting);
    if (rows[0].waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} sessions came to wait${on ? ` on transaction ${on.xid}` : ''} within 15 s`);
}

/** Connections that hold rows for a test: ended by the server if a failed test leaves them idle in a transaction. */
async function holders(count: number): Promise<Client[]> {
  const clients = Array.from({ length: count }, () => new Client({ connectionString: inject('databaseUrl') }));
  for (const client of clients) {
    await client.connect();
    await client.query(`SET idle_in_transaction_session_timeout = '30s'`);
  }
  return clients;
}

/**
 * Each company's stored floor and last need ("matchFloorNeedId", which a need's re-rank decides a
 * tie at the floor by) against its list as stored. After a rebuild they are the list's own. Between
 * rebuilds a floor may lag below its list's (matching.md, session 9), and the last need may be
 * higher than the list's, never lower: a need that wins the tie would then be left out. A list with
 * room has -1 and no last need. `exact` also where only trims moved the list (each writes both).
 */
async function expectFloorKeys(label: string, companyIds: string[], exact: boolean) {
  const rows = await testDb.$queryRaw<{ id: string; floor: number; last: string | null; listed: number; liveFloor: number | null; liveLast: string | null }[]>`
    SELECT p."companyId"::text AS id, p."matchFloor" AS floor, p."matchFloorNeedId"::text AS last, l.listed,
      l.score AS "liveFloor", l."needId"::text AS "liveLast"
    FROM "CompanyMatchProfile" p
      CROSS JOIN LATERAL (SELECT count(*)::int AS listed FROM "Match" m WHERE m."companyId" = p."companyId" AND m."inCompanyTop") n
      LEFT JOIN LATERAL (SELECT m.score, m."needId", n.listed FROM "Match" m WHERE m."companyId" = p."companyId" AND m."inCompanyTop"
        ORDER BY m.score, m."needId" DESC LIMIT 1) l ON true
    WHERE p."companyId" = ANY(${companyIds}::uuid[])`;
  for (const row of rows) {
    const full = row.listed >= COMPANY_TOP_K;
    const live = { floor: full ? row.liveFloor! : -1, last: full ? row.liveLast : null };
    const at = `${label}: company ${row.id}'s floor and last need (${row.floor}, ${row.last}) against its list's (${live.floor}, ${live.last})`;
    expect(row.floor === -1, at).toBe(row.last === null);
    if (exact) {
      expect({ floor: row.floor, last: row.last }, at).toEqual(live);
      continue;
    }
    expect(row.floor, at).toBeLessThanOrEqual(live.floor);
    if (row.floor === live.floor && live.last !== null) expect(row.last! >= live.last, at).toBe(true);
  }
}

async function expectAgreement(label: string, needIds: string[], companyIds: string[], { rebuilt = false } = {}) {
  await expectFloorKeys(label, companyIds, rebuilt);
  const [engine, stored] = [await engineLists(), await storedLists(needIds, companyIds)];
  for (const id of needIds) expect(stored.need(id), `${label}: need ${id}`).toEqual(engine.need(id));
  for (const id of companyIds) expect(stored.company(id), `${label}: company ${id}`).toEqual(engine.company(id));
  // The screens show the reasons the engine derives on read: every stored row's score and points
  // must be exactly those of its derived explanation (nothing stale once the queue is worked).
  const rows = await testDb.match.findMany({ where: { OR: [{ needId: { in: needIds } }, { companyId: { in: companyIds } }] } });
  const explained = await explainStoredMatches(testDb, rows);
  rows.forEach((row, i) => expect(isCurrent(row, explained[i]), `${label}: stored points of ${row.needId}:${row.companyId}`).toBe(true));
}

/**
 * A verified agricultural company offering `capabilities`, ranked, and a maker of needs in its
 * sector and stage (in hromadas without hostilities) that `built` retires with it.
 */
async function agriculturalList(capabilities: Capability[]) {
  const company = await createCompany(testDb, {
    sectors: ['AGRICULTURE'], capabilities, riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
    stages: ['RAPID_RECOVERY'], maxProjectEur: 5_000_000, prefectureCode: '13', cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
  });
  await testDb.$transaction((tx) => companyChanged(tx, company.id));
  const built: Awaited<ReturnType<typeof buildWorld>> = { companies: [company.id], needs: [] };
  const newNeed = async (requiredCapabilities: Capability[]) => {
    const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
    const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(testDb, municipality, { sector: 'AGRICULTURE', stage: 'RAPID_RECOVERY', requiredCapabilities });
    built.needs.push({ id: need.id, actor: facilitator });
    return need.id;
  };
  return { company, built, newNeed };
}

async function buildWorld(world: World) {
  const companies = [];
  for (const c of world.companies) {
    const company = await createCompany(testDb, {
      ...companyData(world.sector, c), capitalJpy: 50_000_000n, verificationStatus: c.verified ? 'VERIFIED' : 'UNVERIFIED',
    });
    await testDb.$transaction((tx) => companyChanged(tx, company.id));
    companies.push(company);
  }
  const needs = [];
  for (const n of world.needs) {
    const hromada = await pickFreeHromada(testDb, SITES[n.site]).catch(() => pickFreeHromada(testDb, SITES[0]));
    const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
    const rep = await createUser(testDb, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id });
    const need = await createNeed(testDb, municipality, {
      sector: world.sector, stage: n.stage, requiredCapabilities: n.requiredCapabilities,
      budgetAmount: n.budget === null ? null : String(n.budget), budgetCurrency: n.budget === null ? null : 'EUR',
      procurementMethod: n.procurement, prozorroTenderId: n.procurement === 'PROZORRO' ? 'UA-2025-03-14-001234-a' : null,
      fundingSource: n.funding, status: n.open ? 'OPEN' : 'DRAFT', publishedAt: n.open ? new Date() : null,
    });
    await testDb.$transaction((tx) => needChanged(tx, need.id));
    needs.push({ id: need.id, actor: { userId: rep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: municipality.id } as Actor });
  }
  return { companies: companies.map((c) => c.id), needs };
}

async function applyChange(world: World, built: Awaited<ReturnType<typeof buildWorld>>, change: World['changes'][number]) {
  if (change.kind === 'editCompany') {
    const id = built.companies[change.i % built.companies.length];
    await testDb.$transaction(async (tx) => {
      await tx.company.update({ where: { id }, data: companyData(world.sector, change.company) });
      await companyChanged(tx, id);
    });
  } else if (change.kind === 'editNeed') {
    const { id } = built.needs[change.i % built.needs.length];
    await testDb.$transaction(async (tx) => {
      await tx.need.update({
        where: { id },
        data: { requiredCapabilities: change.requiredCapabilities, budgetAmount: change.budget === null ? null : String(change.budget), budgetCurrency: change.budget === null ? null : 'EUR' },
      });
      await needChanged(tx, id);
    });
  } else if (change.kind === 'publishOrClose') {
    const { id, actor } = built.needs[change.i % built.needs.length];
    const need = await testDb.need.findUniqueOrThrow({ where: { id } });
    if (need.status === 'DRAFT') await publishNeed(testDb, actor, { needId: id, expectedVersion: need.version }, context);
    else if (need.status === 'OPEN') await closeNeed(testDb, actor, { needId: id, expectedVersion: need.version, reason: 'FULFILLED', duplicateOfNeedId: null }, context);
  } else if (change.kind === 'verify') {
    const id = built.companies[change.i % built.companies.length];
    const company = await testDb.company.findUniqueOrThrow({ where: { id } });
    if (company.verificationStatus === change.decision) return;
    await verifyOrganisation(testDb, facilitator, { kind: 'company', id, expectedVersion: company.version, ...(change.decision === 'REJECTED' ? { decision: change.decision, category: null, note: 'The corporate number is not in the register.' } : { decision: change.decision }) }, context);
  } else {
    const needId = built.needs[change.need % built.needs.length].id;
    const companyId = built.companies[change.company % built.companies.length];
    const direction = change.invited ? 'MUNICIPALITY_INVITATION' : 'COMPANY_INTEREST';
    await testDb.$transaction(async (tx) => {
      await tx.interest.upsert({
        where: { companyId_needId_direction: { companyId, needId, direction } },
        create: { companyId, needId, direction }, update: { withdrawnAt: null },
      });
      await interestChanged(tx, needId, companyId);
    });
  }
}

/** Takes the world's needs and companies out of matching, so that other files see the database as before. */
async function retire(built: Awaited<ReturnType<typeof buildWorld>>) {
  await testDb.need.updateMany({ where: { id: { in: built.needs.map((n) => n.id) }, status: 'OPEN' }, data: { status: 'CLOSED', closedAt: new Date() } });
  await testDb.company.updateMany({ where: { id: { in: built.companies } }, data: { verificationStatus: 'REJECTED' } });
}

describe('incremental re-ranking, a full rebuild and the pure engine', () => {
  it('agree after any sequence of changes to a random world', async () => {
    await rebuildAllMatches(testDb);
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const built = await buildWorld(world);
        try {
          const needIds = built.needs.map((n) => n.id);
          await drainMatchingJobs(testDb, boss);
          await expectAgreement('built', needIds, built.companies);
          for (const change of world.changes) await applyChange(world, built, change);
          await drainMatchingJobs(testDb, boss);
          await expectAgreement('incremental', needIds, built.companies);
          // Re-ranking one side alone, with no counterpart refilling its list afterwards (as when
          // the other side's list is full), must change nothing: each answer is already complete.
          for (const id of needIds) await rerankNeed(testDb, id);
          await expectAgreement('need re-ranked alone', needIds, built.companies);
          for (const id of built.companies) await rerankCompany(testDb, id);
          await expectAgreement('company re-ranked alone', needIds, built.companies);
          await drainMatchingJobs(testDb, boss);
          await rebuildAllMatches(testDb);
          await expectAgreement('rebuild', needIds, built.companies, { rebuilt: true });
          // Scored in shares across worker threads, the rebuild writes the same lists.
          // (Two threads need two open needs: a world whose changes closed all but one gets one.)
          const onTwo = await rebuildAllMatches(testDb, { threads: 2 });
          expect(onTwo.threads).toBe(Math.max(1, Math.min(2, onTwo.needs)));
          await expectAgreement('rebuild on two threads', needIds, built.companies, { rebuilt: true });
        } finally {
          await retire(built);
          await rebuildAllMatches(testDb);
        }
      }),
      // Bounded in time as well as in runs, so that a loaded machine stays well under a minute.
      { numRuns: 6, endOnFailure: true, interruptAfterTimeLimit: 35_000 },
    );
  });

  it('drop the pairs a need’s new sector or a company’s lost sector excludes, and read the new sector’s companies, as a rebuild does', async () => {
    // A need's stored pairs are read with the profiles of its sector's companies only: a pair whose
    // company is outside it must go, and the new sector's companies must come in.
    const company = (sectors: SectorCode[]) => createCompany(testDb, {
      sectors, capabilities: ['POWER_GENERATORS'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
      stages: ['RAPID_RECOVERY'], maxProjectEur: 5_000_000, prefectureCode: '13', cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
    });
    const companies = [
      await company(['ENERGY']), await company(['ENERGY']), await company(['ENERGY', 'HEALTH']), await company(['HEALTH']), await company(['HEALTH']),
    ];
    const companyIds = companies.map((c) => c.id);
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: companyIds, needs: [] };
    try {
      for (const id of companyIds) await testDb.$transaction((tx) => companyChanged(tx, id));
      const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
      const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
      const need = await createNeed(testDb, municipality, { sector: 'ENERGY', requiredCapabilities: ['POWER_GENERATORS'] });
      built.needs.push({ id: need.id, actor: facilitator });
      await testDb.$transaction((tx) => needChanged(tx, need.id));
      await drainMatchingJobs(testDb, boss);
      // Other files' companies may share the database: only these five are looked at.
      const paired = async () => (await testDb.match.findMany({ where: { needId: need.id, companyId: { in: companyIds } } })).map((m) => m.companyId).sort();
      expect(await paired()).toEqual(companyIds.slice(0, 3).sort());
      await expectAgreement('energy', [need.id], companyIds);

      await testDb.$transaction(async (tx) => {
        await tx.need.update({ where: { id: need.id }, data: { sector: 'HEALTH' } });
        await needChanged(tx, need.id);
      });
      await drainMatchingJobs(testDb, boss);
      expect(await paired()).toEqual(companyIds.slice(2).sort());
      await expectAgreement('sector changed', [need.id], companyIds);

      await testDb.$transaction(async (tx) => {
        await tx.company.update({ where: { id: companyIds[3] }, data: { sectors: ['ENERGY'] } });
        await companyChanged(tx, companyIds[3]);
      });
      // The need's own re-rank reads its stored pair with a company now outside its sector.
      await rerankNeed(testDb, need.id);
      await drainMatchingJobs(testDb, boss);
      expect(await paired()).toEqual([companyIds[2], companyIds[4]].sort());
      await expectAgreement('company left the sector', [need.id], companyIds);
    } finally {
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });

  it('score a need in the sector it has once its lock is held, when the sector changed while the re-rank waited', async () => {
    // Another worker holds the need's re-rank lock; the need moves from DEBRIS_REMOVAL to
    // COMMUNICATIONS, and so does a company it is paired with (its profile written, its own re-rank
    // not run yet), and the lock is released in the same commit. The waiting re-rank must score
    // COMMUNICATIONS' companies, that one among them, not the sector as it was when it started
    // waiting. Sectors and a capability no other file uses: their needs would share these lists.
    const company = (sectors: SectorCode[]) => createCompany(testDb, {
      sectors, capabilities: ['DEBRIS_RECYCLING'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
      stages: ['RAPID_RECOVERY'], maxProjectEur: 5_000_000, prefectureCode: '13', cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
    });
    const companies = [
      await company(['DEBRIS_REMOVAL']), await company(['DEBRIS_REMOVAL', 'COMMUNICATIONS']), await company(['COMMUNICATIONS']), await company(['DEBRIS_REMOVAL']),
    ];
    const companyIds = companies.map((c) => c.id);
    const mover = companyIds[3];
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: companyIds, needs: [] };
    try {
      for (const id of companyIds) await testDb.$transaction((tx) => companyChanged(tx, id));
      const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
      const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
      const need = await createNeed(testDb, municipality, { sector: 'DEBRIS_REMOVAL', requiredCapabilities: ['DEBRIS_RECYCLING'] });
      built.needs.push({ id: need.id, actor: facilitator });
      await testDb.$transaction((tx) => needChanged(tx, need.id));
      await drainMatchingJobs(testDb, boss);
      const paired = async () => (await testDb.match.findMany({ where: { needId: need.id, companyId: { in: companyIds } } })).map((m) => m.companyId).sort();
      expect(await paired()).toEqual([companyIds[0], companyIds[1], mover].sort());

      let rerank: Promise<unknown> | undefined;
      await testDb.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rerank:need:${need.id}`}))`;
        rerank = rerankNeed(testDb, need.id);
        // Until the re-rank is seen waiting for this lock (another connection's view of pg_locks; a
        // bigint advisory key is split into classid and objid).
        for (let waiting = 0; waiting === 0;) {
          [{ waiting }] = await testDb.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
              AND ((classid::bigint << 32) | objid::bigint) = hashtext(${`rerank:need:${need.id}`})::bigint`;
        }
        await tx.need.update({ where: { id: need.id }, data: { sector: 'COMMUNICATIONS' } });
        await tx.company.update({ where: { id: mover }, data: { sectors: ['COMMUNICATIONS'] } });
        await syncCompanyProfiles(tx, Prisma.sql`c.id = ${mover}::uuid`);
      }, { timeout: 20_000 });
      await rerank;
      expect(await paired()).toEqual(companyIds.slice(1).sort());
      await expectAgreement('sector changed during the wait', [need.id], companyIds);
    } finally {
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });

  it('break ties on a full list’s floor by id, as a rebuild does, when a need arrives later', async () => {
    // Identical needs score the same for the company; its list holds ten of them. Needs created
    // afterwards whose id sorts before the floor's must take its place, one by one.
    const company = await createCompany(testDb, {
      sectors: ['AGRICULTURE'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
      stages: ['RAPID_RECOVERY'], maxProjectEur: 5_000_000, prefectureCode: '13', cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
    });
    await testDb.$transaction((tx) => companyChanged(tx, company.id));
    const needIds: string[] = [];
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: [company.id], needs: [] };
    try {
      for (let i = 0; i < COMPANY_TOP_K + 6; i += 1) {
        const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
        const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
        const need = await createNeed(testDb, municipality, { sector: 'AGRICULTURE', requiredCapabilities: ['POWER_GENERATORS'] });
        needIds.push(need.id);
        built.needs.push({ id: need.id, actor: facilitator });
        await testDb.$transaction((tx) => needChanged(tx, need.id));
        await drainMatchingJobs(testDb, boss);
        // Each need that entered was written by its own re-rank and trimmed the list: a last need
        // left higher would let every later tying need in, to be written and trimmed out again.
        await expectFloorKeys(`need ${i + 1}`, [company.id], true);
      }
      await expectAgreement('one by one', needIds, [company.id]);
    } finally {
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });

  it('read a company that can only tie its full list’s floor when the need wins that tie, the need’s own list being full above it', async () => {
    // The need's read leaves out a company whose bound reaches its full list's floor but not a
    // point above, and not the need's own threshold, unless the need wins the tie there
    // (profiles.ts, candidateConditions: the stored last need, "matchFloorNeedId"). Here the need's list is full of Kansai companies offering both
    // capabilities it first requires; the company in Tokyo offers one, and its list fills with
    // needs requiring just that one. The need is then made one of them: it ties the company's floor,
    // below its own threshold, and its id sorts before every other need's, so it wins the tie.
    const base = {
      sectors: ['AGRICULTURE'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'], stages: ['RAPID_RECOVERY'],
      maxProjectEur: 5_000_000, verificationStatus: 'VERIFIED',
    } satisfies Partial<Parameters<typeof createCompany>[1]>;
    const company = await createCompany(testDb, { ...base, capabilities: ['POWER_GENERATORS'], prefectureCode: '13', cityEn: 'Chiyoda' });
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: [company.id], needs: [] };
    const newNeed = async (requiredCapabilities: Capability[], id?: string) => {
      const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
      const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
      const need = await createNeed(testDb, municipality, { sector: 'AGRICULTURE', requiredCapabilities, ...(id ? { id } : {}) });
      built.needs.push({ id: need.id, actor: facilitator });
      await testDb.$transaction((tx) => needChanged(tx, need.id));
      return need.id;
    };
    try {
      for (let i = 0; i < NEED_TOP_K; i += 1) {
        built.companies.push((await createCompany(testDb, { ...base, capabilities: ['POWER_GENERATORS', 'WATER_PURIFICATION'] })).id);
      }
      for (const id of built.companies) await testDb.$transaction((tx) => companyChanged(tx, id));
      await drainMatchingJobs(testDb, boss);
      const first = `00000000-0000-4000-8000-${randomBytes(6).toString('hex')}`;
      await newNeed(['POWER_GENERATORS', 'WATER_PURIFICATION'], first);
      await drainMatchingJobs(testDb, boss);
      for (let i = 0; i < COMPANY_TOP_K + 1; i += 1) await newNeed(['POWER_GENERATORS']);
      await drainMatchingJobs(testDb, boss);
      await testDb.$transaction(async (tx) => {
        await tx.need.update({ where: { id: first }, data: { requiredCapabilities: ['POWER_GENERATORS'] } });
        await needChanged(tx, first);
      });
      await drainMatchingJobs(testDb, boss);
      await expectAgreement('the need of lowest id tying the company’s floor', built.needs.map((n) => n.id), built.companies);
    } finally {
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });

  it('let a pair whose score falls to exactly a full list’s floor compete by id with the pairs outside the list', async () => {
    // Equal needs fill the company's list at one score; the one of highest id is raised above them
    // (it enters), then lowered back to that score, the list's floor: it must leave, as a rebuild
    // orders it, for the equal need of lower id it pushed out (it stayed, being in the list before).
    const company = await createCompany(testDb, {
      sectors: ['AGRICULTURE'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
      stages: ['RAPID_RECOVERY'], maxProjectEur: 5_000_000, prefectureCode: '13', cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
    });
    await testDb.$transaction((tx) => companyChanged(tx, company.id));
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: [company.id], needs: [] };
    const partly: Capability[] = ['POWER_GENERATORS', 'WATER_PURIFICATION'];
    try {
      for (let i = 0; i < COMPANY_TOP_K + 3; i += 1) {
        const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
        const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
        const need = await createNeed(testDb, municipality, { sector: 'AGRICULTURE', requiredCapabilities: partly });
        built.needs.push({ id: need.id, actor: facilitator });
        await testDb.$transaction((tx) => needChanged(tx, need.id));
      }
      await drainMatchingJobs(testDb, boss);
      const needIds = built.needs.map((n) => n.id);
      const last = [...needIds].sort().at(-1)!;
      for (const requiredCapabilities of [['POWER_GENERATORS'], partly] as Capability[][]) {
        await testDb.$transaction(async (tx) => {
          await tx.need.update({ where: { id: last }, data: { requiredCapabilities } });
          await needChanged(tx, last);
        });
        await drainMatchingJobs(testDb, boss);
        await expectAgreement(`need of highest id requiring ${requiredCapabilities.join(', ')}`, needIds, [company.id]);
      }
    } finally {
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
  it.each([
    { mover: 'a rebuild after a policy change', byPolicy: true },
    { mover: 'the company’s re-rank after it drops a stage', byPolicy: false },
  ])('move a company list’s last need when $mover moves it, so that a need of lower id tying the floor enters', async ({ byPolicy }) => {
    // Needs with ids starting 1… (a stage the company comes not to offer) and e… (one it offers)
    // score the same at first: the company's list holds ten 1… needs. Then either the policy makes
    // the stage a hard rule while it weighs nothing (its rebuild writes the list), or the company
    // drops the stage (its own re-rank does): the list fills with e… needs at the same floor, and
    // the last of them must be stored. A need 8… tying that floor then wins the tie: a last need
    // left at 1… would keep it out, a mistake nothing but this need's own re-rank would show.
    const company = await createCompany(testDb, {
      sectors: ['AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
      stages: byPolicy ? ['RAPID_RECOVERY'] : ['RAPID_RECOVERY', 'RECONSTRUCTION'], maxProjectEur: 5_000_000, prefectureCode: '13',
      cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
    });
    await testDb.$transaction((tx) => companyChanged(tx, company.id));
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: [company.id], needs: [] };
    const crafted = (first: string) => `${first}${randomBytes(4).toString('hex').slice(1)}-0000-4000-8000-${randomBytes(6).toString('hex')}`;
    const newNeed = async (id: string, stage: Stage) => {
      const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
      const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
      await createNeed(testDb, municipality, { id, sector: 'AGRICULTURE', stage, requiredCapabilities: ['ROBOTIC_AGRI_MACHINERY'] });
      built.needs.push({ id, actor: facilitator });
      await testDb.$transaction((tx) => needChanged(tx, id));
      return id;
    };
    const admin = await createUser(testDb, { role: 'ADMIN' });
    const editor: Actor = { userId: admin.id, role: 'ADMIN', companyId: null, municipalityId: null };
    const setPolicy = async (stageWeight: number, stageRule: boolean) => {
      const current = await getCurrentPolicy(testDb);
      const { stage, ...others } = current.weights;
      const rest = Object.keys(others) as (keyof typeof others)[];
      const weights = { ...current.weights, stage: stageWeight, [rest[0]]: current.weights[rest[0]] + stage - stageWeight };
      await updateMatchingPolicy(testDb, editor, { expectedVersion: current.version, weights, hardConstraints: { ...current.hardConstraints, stage: stageRule } });
      await drainMatchingJobs(testDb, boss);
    };
    const before = await getCurrentPolicy(testDb);
    try {
      if (byPolicy) await setPolicy(0, false);
      const ones = [];
      for (let i = 0; i < COMPANY_TOP_K; i += 1) ones.push(await newNeed(crafted('1'), 'RECONSTRUCTION'));
      const es = [];
      for (let i = 0; i < COMPANY_TOP_K + 1; i += 1) es.push(await newNeed(crafted('e'), 'RAPID_RECOVERY'));
      await drainMatchingJobs(testDb, boss);
      const profile = () => testDb.companyMatchProfile.findUniqueOrThrow({ where: { companyId: company.id } });
      const { matchFloor: floor, matchFloorNeedId: onesLast } = await profile();
      expect(onesLast).toBe([...ones].sort().at(-1));
      await expectAgreement('1… needs on the list', built.needs.map((n) => n.id), [company.id]);

      if (byPolicy) {
        await setPolicy(0, true);
      } else {
        await testDb.$transaction(async (tx) => {
          await tx.company.update({ where: { id: company.id }, data: { stages: ['RAPID_RECOVERY'] } });
          await companyChanged(tx, company.id);
        });
        await drainMatchingJobs(testDb, boss);
      }
      const moved = await profile();
      expect(moved.matchFloor).toBe(floor);
      expect(moved.matchFloorNeedId).toBe([...es].sort()[COMPANY_TOP_K - 1]);
      // Both movers write the list whole, from every need: the floor and last need are exact.
      await expectAgreement('the list moved to e… needs', built.needs.map((n) => n.id), [company.id], { rebuilt: true });

      const eight = await newNeed(crafted('8'), 'RAPID_RECOVERY');
      await drainMatchingJobs(testDb, boss);
      expect((await testDb.match.findUnique({ where: { needId_companyId: { needId: eight, companyId: company.id } } }))?.inCompanyTop).toBe(true);
      await expectAgreement('a need 8… tying the floor', built.needs.map((n) => n.id), [company.id]);
    } finally {
      if (byPolicy) {
        const current = await getCurrentPolicy(testDb);
        await updateMatchingPolicy(testDb, editor, { expectedVersion: current.version, weights: before.weights, hardConstraints: before.hardConstraints });
        await drainMatchingJobs(testDb, boss);
      }
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
  it('keep a company’s list and its last need exact when two needs’ re-ranks trim it at once', async () => {
    // A need's re-rank trims the companies' lists it entered without their re-rank lock. Two that
    // enter one list at once each see only their own new row: ranked apart, the list would keep
    // both (one entry too many) and its last need be taken from a list that is not the stored one.
    // The trim takes the profile row first, so the second ranks and records after the first
    // committed. Here a transaction holds that row until both re-ranks wait, as a third trim would.
    const company = await createCompany(testDb, {
      sectors: ['AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'],
      stages: ['RAPID_RECOVERY'], maxProjectEur: 5_000_000, prefectureCode: '13', cityEn: 'Chiyoda', verificationStatus: 'VERIFIED',
    });
    await testDb.$transaction((tx) => companyChanged(tx, company.id));
    const built: Awaited<ReturnType<typeof buildWorld>> = { companies: [company.id], needs: [] };
    const crafted = (first: string) => `${first}${randomBytes(4).toString('hex').slice(1)}-0000-4000-8000-${randomBytes(6).toString('hex')}`;
    const newNeed = async (id: string) => {
      const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
      const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
      await createNeed(testDb, municipality, { id, sector: 'AGRICULTURE', stage: 'RAPID_RECOVERY', requiredCapabilities: ['ROBOTIC_AGRI_MACHINERY'] });
      built.needs.push({ id, actor: facilitator });
      return id;
    };
    try {
      for (let i = 0; i < COMPANY_TOP_K; i += 1) await testDb.$transaction(async (tx) => needChanged(tx, await newNeed(crafted('c'))));
      await drainMatchingJobs(testDb, boss);
      const [first, second] = [await newNeed(crafted('0')), await newNeed(crafted('0'))];
      let reranks: Promise<unknown> | undefined;
      await testDb.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "CompanyMatchProfile" WHERE "companyId" = ${company.id}::uuid FOR UPDATE`;
        reranks = Promise.all([rerankNeed(testDb, first), rerankNeed(testDb, second)]);
        // Until both are seen waiting for a lock (another connection's view of pg_stat_activity).
        for (;;) {
          const [{ waiting }] = await testDb.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          if (waiting >= 2) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }, { timeout: 20_000 });
      await reranks;
      await expectFloorKeys('two trims at once', [company.id], true);
      await expectAgreement('two trims at once', built.needs.map((n) => n.id), [company.id]);
    } finally {
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
  it.each([
    { first: 'the need' as const },
    { first: 'the company' as const },
  ])('keep a company’s list exact when a need entering it and the company re-rank at once, $first first', async ({ first }) => {
    // Both write the company's list: the need's re-rank adds its pair and trims the list, the
    // company's re-rank writes the list whole with its floor and last need. Each holds the profile
    // row (write.ts lockListOwners; the company's re-rank from before it reads, after its own
    // profile's sync, which waits for the row too: "the company first" is its sync first), so
    // whichever comes second reads or ranks after the first committed. A transaction holds that
    // row until both wait for it. Each must end in one transaction: no deadlock, no pair found
    // changed since it was read (either would make a re-rank run again).
    const { company, built, newNeed } = await agriculturalList(['POWER_GENERATORS']);
    const [holder, watcher] = await holders(2);
    const waitingForLocks = (count: number) => untilWaitingForLocks(watcher, count);
    try {
      for (let i = 0; i < COMPANY_TOP_K; i += 1) await rerankNeed(testDb, await newNeed(['POWER_GENERATORS', 'WATER_PURIFICATION']));
      const entering = await newNeed(['POWER_GENERATORS']);
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM "CompanyMatchProfile" WHERE "companyId" = $1 FOR UPDATE`, [company.id]);
      const reranks = first === 'the need'
        ? [rerankNeed(testDb, entering), waitingForLocks(1).then(() => rerankCompany(testDb, company.id))]
        : [rerankCompany(testDb, company.id), waitingForLocks(1).then(() => rerankNeed(testDb, entering))];
      await waitingForLocks(2);
      await holder.query('COMMIT');
      // One transaction each: neither waited for the other in a cycle (a deadlock runs one again).
      expect((await Promise.all(reranks)).map((outcome) => outcome.attempts)).toEqual([1, 1]);
      const pair = await testDb.match.findUniqueOrThrow({ where: { needId_companyId: { needId: entering, companyId: company.id } } });
      expect(pair.inCompanyTop).toBe(true);
      await expectFloorKeys(`${first} first`, [company.id], true);
      await expectAgreement(`${first} first`, built.needs.map((n) => n.id), [company.id]);
    } finally {
      await Promise.all([holder, watcher].map((client) => client.end().catch(() => undefined)));
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
  it('keep a need on a company’s list that the company’s re-rank put there while the need’s re-rank, judging an older floor, ran', async () => {
    // The company changes capabilities: the needs on its list fall to half coverage, need N rises
    // from a third to two thirds and belongs on the list. The company's re-rank writes that; N's
    // re-rank, started before it committed, judged N against the old (higher) floor, and writes
    // its pair after it. N's write must not take N off the list it did not see it on.
    const { company, built, newNeed } = await agriculturalList(['POWER_GENERATORS', 'WATER_PURIFICATION']);
    const [holder, watcher] = await holders(2);
    try {
      for (let i = 0; i < COMPANY_TOP_K; i += 1) await rerankNeed(testDb, await newNeed(['POWER_GENERATORS', 'WATER_PURIFICATION']));
      const rising = await newNeed(['POWER_GENERATORS', 'WATER_NETWORK_REPAIR', 'WASTEWATER_TREATMENT']);
      await rerankNeed(testDb, rising);
      const pair = () => testDb.match.findUniqueOrThrow({ where: { needId_companyId: { needId: rising, companyId: company.id } } });
      expect((await pair()).inCompanyTop).toBe(false);
      await testDb.company.update({ where: { id: company.id }, data: { capabilities: ['POWER_GENERATORS', 'WATER_NETWORK_REPAIR'] } });

      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM "Match" WHERE "needId" = $1 AND "companyId" = $2 FOR UPDATE`, [rising, company.id]);
      const companyRerank = rerankCompany(testDb, company.id);
      await untilWaitingForLocks(watcher, 1);
      const needRerank = rerankNeed(testDb, rising);
      await untilWaitingForLocks(watcher, 2);
      await holder.query('COMMIT');
      const [, needOutcome] = await Promise.all([companyRerank, needRerank]);

      // The need's write found the pair no longer as read, and its re-rank ran again on what the company's wrote.
      expect(needOutcome.attempts).toBe(2);
      expect((await pair()).inCompanyTop).toBe(true);
      await expectAgreement('a need’s re-rank after the company’s', built.needs.map((n) => n.id), [company.id]);
    } finally {
      await Promise.all([holder, watcher].map((client) => client.end().catch(() => undefined)));
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
  it('insert a new pair once when a need’s and its company’s re-rank both insert it at once, the other running again', async () => {
    // As above, but the need is new: neither re-rank read a stored pair, and both insert it (the
    // company's listed, the need's, judging the older floor, not). A transaction inserting the pair
    // itself, uncommitted, makes both wait at their insert; when it rolls back one inserts, and the
    // other finds the pair inserted meanwhile with other content: it runs again, reading it.
    const { company, built, newNeed } = await agriculturalList(['POWER_GENERATORS', 'WATER_PURIFICATION']);
    const [profileHolder, pairHolder, watcher] = await holders(3);
    const waitingOn = (xid: string, count: number) => untilWaitingForLocks(watcher, count, { xid });
    try {
      for (let i = 0; i < COMPANY_TOP_K; i += 1) await rerankNeed(testDb, await newNeed(['POWER_GENERATORS', 'WATER_PURIFICATION']));
      const rising = await newNeed(['POWER_GENERATORS', 'WATER_NETWORK_REPAIR', 'WASTEWATER_TREATMENT']);
      await testDb.company.update({ where: { id: company.id }, data: { capabilities: ['POWER_GENERATORS', 'WATER_NETWORK_REPAIR'] } });
      await syncCompanyProfiles(testDb, Prisma.sql`c.id = ${company.id}::uuid`);

      await profileHolder.query('BEGIN');
      await profileHolder.query(`SELECT 1 FROM "CompanyMatchProfile" WHERE "companyId" = $1 FOR UPDATE`, [company.id]);
      await pairHolder.query('BEGIN');
      const { rows: [{ xid }] } = await pairHolder.query<{ xid: string }>(`SELECT txid_current()::text AS xid`);
      await pairHolder.query(`INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "computedAt", "updatedAt")
        VALUES (uuidv7(), $1, $2, 0, '{}', current_date, 1, false, false, now(), now())`, [rising, company.id]);
      const companyRerank = rerankCompany(testDb, company.id);
      await untilWaitingForLocks(watcher, 1);
      const needRerank = rerankNeed(testDb, rising);
      await waitingOn(xid, 1);
      await profileHolder.query('COMMIT');
      await waitingOn(xid, 2);
      await pairHolder.query('ROLLBACK');
      const outcomes = await Promise.all([companyRerank, needRerank]);

      expect(outcomes.map((outcome) => outcome.attempts).sort()).toEqual([1, 2]);
      const pair = await testDb.match.findUniqueOrThrow({ where: { needId_companyId: { needId: rising, companyId: company.id } } });
      expect(pair.inCompanyTop).toBe(true);
      await expectAgreement('both inserted the pair at once', built.needs.map((n) => n.id), [company.id]);
    } finally {
      await Promise.all([profileHolder, pairHolder, watcher].map((client) => client.end().catch(() => undefined)));
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
  it('never leave a company’s floor above its list when a need’s score falls on it while another need raises that floor', async () => {
    // Need F is on the company's full list; need R is about to enter it, pushing out the list's last
    // (lowest) entry and raising the floor. F's re-rank reads the floor before R commits and F's
    // score falls, but stays above that floor: F stays listed. Had F not ranked the list again once
    // R committed, the stored floor would be R's, above F's new score: a need scoring between the
    // two would be kept out. Here F's write waits (a transaction holds its row) until R committed.
    const { company, built, newNeed } = await agriculturalList(['POWER_GENERATORS']);
    const high: Capability[] = ['POWER_GENERATORS'];
    const middle: Capability[] = ['POWER_GENERATORS', 'WATER_PURIFICATION'];
    const low: Capability[] = ['POWER_GENERATORS', 'WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'];
    const scoreOn = async (needId: string) =>
      (await testDb.match.findUniqueOrThrow({ where: { needId_companyId: { needId, companyId: company.id } } })).score;
    // The holders and the watcher on their own connections: the two re-ranks use the test pool's four.
    const [matchHolder, profileHolder, watcher] = await holders(3);
    const waitingForLocks = (count: number) => untilWaitingForLocks(watcher, count);
    try {
      const listed = [];
      for (let i = 0; i < COMPANY_TOP_K - 1; i += 1) listed.push(await newNeed(high));
      const lowest = await newNeed(low);
      for (const id of [...listed, lowest]) await rerankNeed(testDb, id);
      const [falling, rising] = [listed[0], await newNeed(high)];
      await testDb.need.update({ where: { id: falling }, data: { requiredCapabilities: middle } });
      // The three levels this test needs: the floor (lowest), the falling need's new score, the others.
      const [floorBefore, highScore] = [await scoreOn(lowest), await scoreOn(falling)];
      expect((await testDb.companyMatchProfile.findUniqueOrThrow({ where: { companyId: company.id } })).matchFloor).toBe(floorBefore);

      await matchHolder.query('BEGIN');
      await matchHolder.query(`SELECT 1 FROM "Match" WHERE "needId" = $1 AND "companyId" = $2 FOR UPDATE`, [falling, company.id]);
      await profileHolder.query('BEGIN');
      await profileHolder.query(`SELECT 1 FROM "CompanyMatchProfile" WHERE "companyId" = $1 FOR UPDATE`, [company.id]);
      const risingRerank = rerankNeed(testDb, rising);
      await waitingForLocks(1);
      const fallingRerank = rerankNeed(testDb, falling);
      await waitingForLocks(2);
      await profileHolder.query('COMMIT');
      // PostgreSQL wakes the waiters on a row in the order they came: the rising need first. Were it
      // the other way, the falling need would wait for matchHolder while holding the profile row.
      await Promise.race([risingRerank, new Promise((_, reject) => setTimeout(() => reject(new Error('the rising need’s re-rank did not go first')), 15_000))]);
      await matchHolder.query('COMMIT');
      await fallingRerank;

      const fallen = await scoreOn(falling);
      expect(fallen).toBeGreaterThan(floorBefore);
      expect(fallen).toBeLessThan(highScore);
      await expectFloorKeys('a score fell while the floor rose', [company.id], true);
      await expectAgreement('a score fell while the floor rose', built.needs.map((n) => n.id), [company.id]);
    } finally {
      await Promise.all([matchHolder, profileHolder, watcher].map((client) => client.end().catch(() => undefined)));
      await retire(built);
      await rebuildAllMatches(testDb);
    }
  });
});
