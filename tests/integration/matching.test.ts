import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { startJobQueue } from '../../lib/jobs/queue';
import {
  COMPANY_TOP_K,
  companyChanged,
  drainMatchingJobs,
  ensureDefaultPolicy,
  getCurrentPolicy,
  interestChanged,
  listMatchesForCompany,
  listMatchesForNeed,
  needChanged,
  rebuildAllMatches,
  rerankCompany,
  rerankNeed,
  updateMatchingPolicy,
} from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { Prisma } from '../../lib/generated/prisma/client';
import { DEFAULT_POLICY } from '../../lib/matching';
import { distinguishingReasons, sharedCriteria } from '../../lib/matching/highlights';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { closeNeed } from '../../lib/needs/close-need';
import { publishNeed } from '../../lib/needs/manage-needs';
import { verifyOrganisation } from '../../lib/verification/verify-organisation';
import { inject } from 'vitest';
import { testDb } from './test-db';

// Stored matches follow every change through the durable job queue: a need, a company, an
// interest, the policy. Each test builds its own small world in a sector of its own choosing
// and asserts relative facts, since other files share the database.

let boss: PgBoss;
let facilitator: Actor;

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

async function world() {
  const hromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(testDb, hromada.code, { verificationStatus: 'VERIFIED' });
  const need = await createNeed(testDb, municipality, {
    sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'],
  });
  const base = { sectors: ['WATER_SANITATION'] as const, verificationStatus: 'VERIFIED' as const, riskAppetite: 'NO_HOSTILITIES' as const };
  const purifier = await createCompany(testDb, { ...base, sectors: [...base.sectors], capabilities: ['WATER_PURIFICATION'] });
  const repairer = await createCompany(testDb, { ...base, sectors: [...base.sectors], capabilities: ['WATER_NETWORK_REPAIR', 'WASTEWATER_TREATMENT'], prefectureCode: '13' });
  const outsider = await createCompany(testDb, { ...base, sectors: ['ENERGY'], capabilities: ['WATER_PURIFICATION'] });
  const unverified = await createCompany(testDb, { ...base, sectors: [...base.sectors], capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'], verificationStatus: 'UNVERIFIED' });
  // Registering a company writes its ranking profile (lib/match-store/enqueue.ts companyChanged).
  await syncCompanyProfiles(testDb, Prisma.sql`c.id = ANY(${[purifier.id, repairer.id, outsider.id, unverified.id]}::uuid[])`);
  await rerankNeed(testDb, need.id);
  return { municipality, need, purifier, repairer, outsider, unverified };
}

const scoresFor = async (needId: string) => {
  const page = await listMatchesForNeed(testDb, facilitator, needId, { pageSize: 50 });
  return new Map(page.items.map((m) => [m.company.id, m]));
};

describe('stored matches', () => {
  it('rank a need’s companies with explanations, and leave out other sectors and unverified companies', async () => {
    const { need, purifier, repairer, outsider, unverified } = await world();
    const matches = await scoresFor(need.id);
    expect(matches.has(purifier.id)).toBe(true);
    expect(matches.has(repairer.id)).toBe(true);
    expect(matches.has(outsider.id)).toBe(false);
    expect(matches.has(unverified.id)).toBe(false);
    const stored = matches.get(purifier.id)!;
    expect(stored.explanation.kind).toBe('scored');
    if (stored.explanation.kind === 'scored') {
      expect(stored.explanation.entries.reduce((sum, e) => sum + e.points, 0)).toBe(stored.score);
    }
    expect(stored.policyVersion).toBe((await getCurrentPolicy(testDb)).version);
    const page = await listMatchesForNeed(testDb, facilitator, need.id, { pageSize: 50 });
    const scores = page.items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('rewrite a stored pair whose points are not the engine’s though its score is, from either side', async () => {
    const { need, purifier } = await world();
    const where = { needId_companyId: { needId: need.id, companyId: purifier.id } };
    const { points, score } = await testDb.match.findUniqueOrThrow({ where });
    expect(points.filter((p) => p > 0).length).toBeGreaterThan(1);
    // The same sum, all on the first criterion: a re-rank compares the stored points, not only the score.
    const tampered = points.map((_, i) => (i === 0 ? score : 0));
    for (const rerank of [() => rerankNeed(testDb, need.id), () => rerankCompany(testDb, purifier.id)]) {
      await testDb.match.update({ where, data: { points: tampered } });
      await rerank();
      expect((await testDb.match.findUniqueOrThrow({ where })).points).toEqual(points);
    }
  });

  it('give the municipality cards that say what differs between its companies, not what they share', async () => {
    const { municipality, need, purifier, repairer } = await world();
    const rep = await createUser(testDb, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id });
    const owner: Actor = { userId: rep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: municipality.id };
    const page = await listMatchesForNeed(testDb, owner, need.id, { pageSize: 50 });
    // Only this test's two companies: other files create verified companies of the same sector at
    // the same time, and one on this need's list would change what the list shares.
    const ours = page.items.filter((m) => m.company.id === purifier.id || m.company.id === repairer.id);
    expect(ours).toHaveLength(2);
    const lists = ours.map((m) => (m.explanation.kind === 'scored' ? m.explanation.entries : []));
    const shared = sharedCriteria(lists);
    // Both offer one of the two capabilities on a site off the hostilities list: the same for both.
    expect(shared).toEqual(expect.arrayContaining(['capability', 'security']));
    const byCompany = new Map(ours.map((m, i) => [m.company.id, distinguishingReasons(lists[i], lists.filter((_, j) => j !== i))]));
    for (const highlights of byCompany.values()) {
      for (const { entry } of highlights) {
        expect(shared).not.toContain(entry.criterion);
        expect(entry.maxPoints).toBeGreaterThan(0);
      }
    }
    // The Osaka company (the factory's prefecture) against the Tokyo one: Kansai sets them apart.
    expect(byCompany.get(purifier.id)!.map((h) => [h.entry.criterion, h.stance])).toContainEqual(['kansai', 'strength']);
    expect(byCompany.get(repairer.id)!.map((h) => [h.entry.criterion, h.stance])).toContainEqual(['kansai', 'weakness']);
  });

  it('store compact rows, and derive explanations that add up to the score shown, even before a pending re-rank', async () => {
    const { need, purifier } = await world();
    const row = await testDb.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: purifier.id } } });
    expect(row.points.reduce((sum, p) => sum + p, 0)).toBe(row.score);
    const before = (await scoresFor(need.id)).get(purifier.id)!;
    expect(before.score).toBe(row.score);
    expect(before.explanation.kind === 'scored' && before.explanation.entries.map((e) => e.points)).toEqual(row.points);
    // The company now offers both capabilities, and its re-rank has not run yet: the screen shows
    // the engine's answer now, with its own score, never stored points beside newer reasons.
    await testDb.company.update({ where: { id: purifier.id }, data: { capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'] } });
    await syncCompanyProfiles(testDb, Prisma.sql`c.id = ${purifier.id}::uuid`);
    const stale = (await scoresFor(need.id)).get(purifier.id)!;
    expect(stale.explanation.kind).toBe('scored');
    if (stale.explanation.kind !== 'scored') return;
    expect(stale.explanation.entries.reduce((sum, e) => sum + e.points, 0)).toBe(stale.score);
    expect(stale.score).toBeGreaterThan(row.score);
    expect(stale.explanation.entries.find((e) => e.criterion === 'capability')?.reason.code).toBe('ALL_CAPABILITIES');
  });

  it('follow a change of need through the job queue', async () => {
    const { need, purifier, repairer } = await world();
    await testDb.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { requiredCapabilities: ['WATER_NETWORK_REPAIR'] } });
      await needChanged(tx, need.id);
    });
    await drainMatchingJobs(testDb, boss);
    const after = await scoresFor(need.id);
    expect(after.has(repairer.id)).toBe(true);
    // The purifier now offers none of the required capabilities: the capability constraint drops it.
    expect(after.has(purifier.id)).toBe(false);
  });

  it('follow a change of company, and appear on the company’s own list', async () => {
    const { need, purifier } = await world();
    const before = (await scoresFor(need.id)).get(purifier.id)!.score;
    await testDb.$transaction(async (tx) => {
      await tx.company.update({ where: { id: purifier.id }, data: { capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'] } });
      await companyChanged(tx, purifier.id);
    });
    await drainMatchingJobs(testDb, boss);
    expect((await scoresFor(need.id)).get(purifier.id)!.score).toBeGreaterThan(before);
    const own: Actor = { userId: 'x', role: 'COMPANY_REP', companyId: purifier.id, municipalityId: null };
    const list = await listMatchesForCompany(testDb, own, purifier.id);
    // On the list, unless a full list of other needs ranks before it (a higher score, or the same
    // and a lower id): the files share one database, and other files leave open water needs the
    // purifier ties with.
    const { score } = await testDb.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: purifier.id } } });
    const ranksBefore = (m: { score: number; need: { id: string } }) => m.score > score || (m.score === score && m.need.id < need.id);
    const listed = list.items.some((m) => m.need.id === need.id);
    expect(listed || list.items.filter(ranksBefore).length >= COMPANY_TOP_K, `listed ${listed}, ${list.items.filter(ranksBefore).length} rank before`).toBe(true);
  });

  it('follow a registered interest', async () => {
    const { need, repairer } = await world();
    const before = (await scoresFor(need.id)).get(repairer.id)!.score;
    await testDb.$transaction(async (tx) => {
      await tx.interest.create({ data: { needId: need.id, companyId: repairer.id, direction: 'COMPANY_INTEREST', note: 'We can start in spring.' } });
      await interestChanged(tx, need.id, repairer.id);
    });
    await drainMatchingJobs(testDb, boss);
    const after = (await scoresFor(need.id)).get(repairer.id)!;
    expect(after.score).toBe(before + DEFAULT_POLICY.weights.reciprocal);
    expect(after.explanation.kind === 'scored' && after.explanation.entries.find((e) => e.criterion === 'reciprocal')?.reason.code)
      .toBe('COMPANY_REGISTERED_INTEREST');
  });

  it('drop a closed need’s suggestions', async () => {
    const { need } = await world();
    expect((await scoresFor(need.id)).size).toBeGreaterThan(0);
    await testDb.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { status: 'CLOSED', closedAt: new Date() } });
      await needChanged(tx, need.id);
    });
    await drainMatchingJobs(testDb, boss);
    expect(await testDb.match.count({ where: { needId: need.id } })).toBe(0);
  });

  it('follow a facilitator’s verification: a verified company enters the lists, a rejected one leaves them', async () => {
    const { need, unverified } = await world();
    await drainMatchingJobs(testDb, boss);
    expect((await scoresFor(need.id)).has(unverified.id)).toBe(false);
    await verifyOrganisation(testDb, facilitator, { kind: 'company', id: unverified.id, decision: 'VERIFIED', expectedVersion: unverified.version }, { ip: null });
    await drainMatchingJobs(testDb, boss);
    expect((await scoresFor(need.id)).has(unverified.id)).toBe(true);
    await verifyOrganisation(testDb, facilitator, { kind: 'company', id: unverified.id, decision: 'REJECTED', expectedVersion: unverified.version + 1, category: null, note: 'The corporate number is not in the register.' }, { ip: null });
    await drainMatchingJobs(testDb, boss);
    expect((await scoresFor(need.id)).has(unverified.id)).toBe(false);
  });

  it('follow a municipality’s publishing and closing of a need', async () => {
    const { municipality, purifier } = await world();
    const rep = await createUser(testDb, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id });
    const actor: Actor = { userId: rep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: municipality.id };
    const draft = await createNeed(testDb, municipality, {
      sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION'], status: 'DRAFT', publishedAt: null,
    });
    await publishNeed(testDb, actor, { needId: draft.id, expectedVersion: draft.version }, { ip: null });
    await drainMatchingJobs(testDb, boss);
    expect((await scoresFor(draft.id)).has(purifier.id)).toBe(true);
    await closeNeed(testDb, actor, { needId: draft.id, expectedVersion: draft.version + 1, reason: 'FULFILLED', duplicateOfNeedId: null }, { ip: null });
    await drainMatchingJobs(testDb, boss);
    expect(await testDb.match.count({ where: { needId: draft.id } })).toBe(0);
  });

  it('agree with a full rebuild after incremental changes', async () => {
    const { need } = await world();
    await rebuildAllMatches(testDb);
    const rebuilt = await testDb.match.findMany({ where: { needId: need.id, inNeedTop: true }, select: { companyId: true, score: true }, orderBy: { companyId: 'asc' } });
    await rerankNeed(testDb, need.id);
    const incremental = await testDb.match.findMany({ where: { needId: need.id, inNeedTop: true }, select: { companyId: true, score: true }, orderBy: { companyId: 'asc' } });
    expect(incremental).toEqual(rebuilt);
  });

  it('leave the tables whose floors a rebuild rewrote vacuumed, not to the first re-ranks that read them', async () => {
    await world();
    const [{ now }] = await testDb.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
    await rebuildAllMatches(testDb);
    const tables = await testDb.$queryRaw<{ relname: string; lastVacuum: Date | null }[]>`
      SELECT relname::text, last_vacuum AS "lastVacuum" FROM pg_stat_user_tables
      WHERE relname IN ('CompanyMatchProfile', 'Need') ORDER BY relname`;
    expect(tables.map((t) => t.relname)).toEqual(['CompanyMatchProfile', 'Need']);
    for (const table of tables) expect(table.lastVacuum?.getTime() ?? 0).toBeGreaterThanOrEqual(now.getTime());
  });
});

describe('matching policy', () => {
  it('is versioned; a facilitator’s change re-scores every match through the queue, with an audit row', async () => {
    const { need, purifier } = await world();
    const current = await getCurrentPolicy(testDb);
    const weights = { ...current.weights, capability: current.weights.capability - 10, kansai: current.weights.kansai + 10 };
    const saved = await updateMatchingPolicy(testDb, facilitator, { expectedVersion: current.version, weights, hardConstraints: current.hardConstraints, note: 'Favour Kansai' });
    expect(saved.version).toBe(current.version + 1);
    await drainMatchingJobs(testDb, boss);
    const match = (await scoresFor(need.id)).get(purifier.id)!;
    expect(match.policyVersion).toBe(saved.version);
    expect(match.explanation.kind === 'scored' && match.explanation.entries.find((e) => e.criterion === 'kansai')?.maxPoints).toBe(weights.kansai);
    const audit = await testDb.auditLog.findFirst({ where: { entityType: 'MatchingPolicy', entityId: String(saved.version) } });
    expect(audit).toMatchObject({ actorId: facilitator.userId, action: 'matching-policy.update' });

    // Put the default back for the other tests.
    await updateMatchingPolicy(testDb, facilitator, { expectedVersion: saved.version, ...DEFAULT_POLICY });
    await drainMatchingJobs(testDb, boss);
  });

  it('upgrades a policy that predates a hard constraint once, keeping the tuning, with its audit row', async () => {
    const current = await getCurrentPolicy(testDb);
    // A facilitator's tuning from before the capability switch existed.
    const tunedWeights = { capability: 20, security: 25, integrity: 20, stage: 5, scale: 10, kansai: 5, sisterCity: 5, experience: 5, reciprocal: 5 };
    const tunedSwitches = { security: true, integrity: false, stage: true, scale: false };
    await testDb.matchingPolicy.create({ data: { version: current.version + 1, weights: tunedWeights, hardConstraints: tunedSwitches } });
    expect(await ensureDefaultPolicy(testDb)).toBe(true);
    const kept = await getCurrentPolicy(testDb);
    expect(kept).toEqual({ version: current.version + 2, weights: tunedWeights, hardConstraints: { ...tunedSwitches, capability: true } });
    expect(await testDb.auditLog.findFirst({ where: { entityType: 'MatchingPolicy', entityId: String(kept.version) } })).toMatchObject({
      actorId: null,
      action: 'matching-policy.upgrade',
      before: { version: current.version + 1, weights: tunedWeights, hardConstraints: tunedSwitches },
      after: { weights: tunedWeights, hardConstraints: { ...tunedSwitches, capability: true } },
    });
    expect(await ensureDefaultPolicy(testDb)).toBe(false);
    expect((await getCurrentPolicy(testDb)).version).toBe(kept.version);

    // The defaults of before, never tuned, move to the new defaults.
    const oldDefaults = {
      weights: { capability: 25, security: 20, integrity: 15, stage: 10, scale: 8, kansai: 5, sisterCity: 5, experience: 7, reciprocal: 5 },
      hardConstraints: { security: true, integrity: true, stage: false, scale: false },
    };
    await testDb.matchingPolicy.create({ data: { version: kept.version + 1, ...oldDefaults } });
    expect(await ensureDefaultPolicy(testDb)).toBe(true);
    expect(await getCurrentPolicy(testDb)).toEqual({ version: kept.version + 2, ...DEFAULT_POLICY });
    expect(await testDb.auditLog.count({ where: { entityType: 'MatchingPolicy', entityId: String(kept.version + 2), action: 'matching-policy.upgrade', actorId: null } })).toBe(1);
  });

  it('refuses a stale version, a bad policy, and anyone but facilitators and admins — changing nothing', async () => {
    const current = await getCurrentPolicy(testDb);
    const count = await testDb.matchingPolicy.count();
    await expect(updateMatchingPolicy(testDb, facilitator, { expectedVersion: current.version - 1, ...DEFAULT_POLICY })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(updateMatchingPolicy(testDb, facilitator, { expectedVersion: current.version, weights: { ...DEFAULT_POLICY.weights, capability: 90 }, hardConstraints: DEFAULT_POLICY.hardConstraints })).rejects.toMatchObject({ code: 'VALIDATION' });
    for (const role of ['COMPANY_REP', 'MUNICIPALITY_REP'] as const) {
      const actor: Actor = { userId: 'x', role, companyId: null, municipalityId: null };
      await expect(updateMatchingPolicy(testDb, actor, { expectedVersion: current.version, ...DEFAULT_POLICY })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(updateMatchingPolicy(testDb, null, { expectedVersion: current.version, ...DEFAULT_POLICY })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await testDb.matchingPolicy.count()).toBe(count);
  });
});

describe('who reads match lists', () => {
  it('lets a municipality read only its own needs’ lists and a company only its own', async () => {
    const { need, municipality, purifier } = await world();
    const own: Actor = { userId: 'x', role: 'MUNICIPALITY_REP', companyId: null, municipalityId: municipality.id };
    const other: Actor = { userId: 'y', role: 'MUNICIPALITY_REP', companyId: null, municipalityId: '00000000-0000-0000-0000-000000000000' };
    await expect(listMatchesForNeed(testDb, own, need.id)).resolves.toBeTruthy();
    await expect(listMatchesForNeed(testDb, other, need.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const company: Actor = { userId: 'z', role: 'COMPANY_REP', companyId: purifier.id, municipalityId: null };
    await expect(listMatchesForNeed(testDb, company, need.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listMatchesForCompany(testDb, { ...company, companyId: '00000000-0000-0000-0000-000000000000' }, purifier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listMatchesForNeed(testDb, null, need.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('filters by score and status and pages', async () => {
    const { need } = await world();
    const all = await listMatchesForNeed(testDb, facilitator, need.id, { pageSize: 50 });
    const threshold = all.items[0].score;
    const high = await listMatchesForNeed(testDb, facilitator, need.id, { minScore: threshold });
    expect(high.items.every((m) => m.score >= threshold)).toBe(true);
    expect((await listMatchesForNeed(testDb, facilitator, need.id, { status: 'INTRODUCED' })).total).toBe(0);
    await expect(listMatchesForNeed(testDb, facilitator, need.id, { pageSize: 500 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('pages in the whole list’s order, each row with its own parties, the total counting the whole list', async () => {
    // The page is cut from the list before its rows get their parties (queries.ts): a page past the
    // first continues the first, and its total is the list's, not the page's.
    const { need, purifier } = await world();
    const all = await listMatchesForNeed(testDb, facilitator, need.id, { pageSize: 50 });
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const [first, second] = await Promise.all([1, 2].map((page) => listMatchesForNeed(testDb, facilitator, need.id, { page, pageSize: 1 })));
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(all.items.slice(0, 2).map((m) => m.id));
    expect([first.total, second.total]).toEqual([all.total, all.total]);
    for (const item of all.items) {
      expect(item.need.id).toBe(need.id);
      expect(item.company.id).toBe(item.companyId);
    }
    const own: Actor = { userId: 'x', role: 'COMPANY_REP', companyId: purifier.id, municipalityId: null };
    const companyList = await listMatchesForCompany(testDb, own, purifier.id, { pageSize: 50 });
    expect(companyList.items.length).toBeGreaterThan(0);
    for (const item of companyList.items) {
      expect(item.need.id).toBe(item.needId);
      expect(item.company.id).toBe(purifier.id);
    }
  });
});
