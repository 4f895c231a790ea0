import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { listToDo, STRONG_MATCH_SCORE, type ToDoItem } from '../../lib/platform/to-do';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMatch } from '../factories/match';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// Each role's to-do list counts what waits for it, and only what belongs to it.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const item = (items: ToDoItem[], kind: ToDoItem['kind']) => items.find((i) => i.kind === kind);
const countOf = async (actor: Actor, kind: ToDoItem['kind']) => item(await listToDo(db, actor), kind)?.count ?? 0;

describe('facilitator to-do', () => {
  it('counts pending verifications, new mutual interests and unreviewed strong matches', async () => {
    const facilitator = world.facilitator.actor;
    const [verifications, mutual, strong] = await Promise.all([countOf(facilitator, 'pendingVerifications'), countOf(facilitator, 'mutualInterests'), countOf(facilitator, 'strongMatches')]);

    const unverified = await createCompany(db);
    const need = await createNeed(db, world.municipality);
    await db.interest.createMany({ data: [
      { companyId: world.company.id, needId: need.id, direction: 'COMPANY_INTEREST' },
      { companyId: world.company.id, needId: need.id, direction: 'MUNICIPALITY_INVITATION' },
    ] });
    await createMatch(db, unverified.id, need.id, { score: STRONG_MATCH_SCORE });
    await createMatch(db, world.otherCompany.id, need.id, { score: STRONG_MATCH_SCORE - 1 });

    const items = await listToDo(db, facilitator);
    expect(item(items, 'pendingVerifications')?.count).toBe(verifications + 1);
    expect(item(items, 'mutualInterests')?.count).toBe(mutual + 1);
    expect(item(items, 'mutualInterests')).toMatchObject({ entries: expect.arrayContaining([expect.objectContaining({ href: `/facilitator/matches/pair?needId=${need.id}&companyId=${world.company.id}` })]) });
    expect(item(items, 'strongMatches')?.count).toBe(strong + 1);
    // The count the triggers keep equals the pairs themselves (the statement it replaced).
    const strongPairs = await db.match.count({ where: { status: 'SUGGESTED', inNeedTop: true, score: { gte: STRONG_MATCH_SCORE }, need: { status: 'OPEN' } } });
    expect(item(items, 'strongMatches')?.count).toBe(strongPairs);
    await db.need.update({ where: { id: need.id }, data: { status: 'CLOSED', closedAt: new Date() } });
    expect(await countOf(facilitator, 'strongMatches')).toBe(strong);
    await db.need.update({ where: { id: need.id }, data: { status: 'OPEN', closedAt: null } });

    // A decision on the pair takes it off the list of new mutual interests.
    await db.matchDecision.create({ data: { needId: need.id, companyId: world.company.id, actorId: facilitator.userId, action: 'SHORTLIST', fromStatus: 'SUGGESTED', toStatus: 'SHORTLISTED' } });
    expect(await countOf(facilitator, 'mutualInterests')).toBe(mutual);
  });
});

describe('municipality to-do', () => {
  it('counts new interests in its own needs and its open needs nobody is ranked for', async () => {
    const rep = world.municipalityRep.actor;
    const [interests, unranked] = await Promise.all([countOf(rep, 'newInterests'), countOf(rep, 'needsWithoutRanking')]);
    const need = await createNeed(db, world.municipality);
    expect(await countOf(rep, 'needsWithoutRanking')).toBe(unranked + 1);
    await db.interest.create({ data: { companyId: world.otherCompany.id, needId: need.id, direction: 'COMPANY_INTEREST' } });
    await createMatch(db, world.otherCompany.id, need.id);
    expect(await countOf(rep, 'newInterests')).toBe(interests + 1);
    expect(await countOf(rep, 'needsWithoutRanking')).toBe(unranked);

    // Another hromada's need changes nothing here.
    await db.interest.create({ data: { companyId: world.company.id, needId: world.otherNeed.id, direction: 'COMPANY_INTEREST' } });
    expect(await countOf(rep, 'newInterests')).toBe(interests + 1);
    expect(await countOf(world.otherMunicipalityRep.actor, 'newInterests')).toBeGreaterThan(0);
  });
});

describe('company to-do', () => {
  it('lists unanswered invitations and the parts of its profile still empty', async () => {
    const company = await createCompany(db, { verificationStatus: 'VERIFIED', maxProjectEur: null, description: '' });
    const user = await createUser(db, { role: 'COMPANY_REP', companyId: company.id });
    const actor: Actor = { userId: user.id, role: 'COMPANY_REP', companyId: company.id, municipalityId: null };
    const need = await createNeed(db, world.municipality);
    await db.interest.create({ data: { companyId: company.id, needId: need.id, direction: 'MUNICIPALITY_INVITATION' } });

    const items = await listToDo(db, actor);
    expect(item(items, 'invitations')).toMatchObject({ count: 1, entries: [{ id: need.id, href: `/needs/${need.id}` }] });
    expect(item(items, 'incompleteProfile')).toMatchObject({ missing: ['description', 'maxProject'] });
    expect(item(items, 'resubmitVerification')).toBeUndefined();

    // Registering its own interest answers the invitation.
    await db.interest.create({ data: { companyId: company.id, needId: need.id, direction: 'COMPANY_INTEREST' } });
    expect(item(await listToDo(db, actor), 'invitations')).toBeUndefined();
    // Another company's invitations are not its business.
    expect(item(await listToDo(db, world.companyRep.actor), 'invitations')?.count ?? 0).toBe(0);

    await db.company.update({ where: { id: company.id }, data: { verificationStatus: 'REJECTED', rejectedAt: new Date(), rejectionReason: 'Register mismatch.' } });
    expect(item(await listToDo(db, actor), 'resubmitVerification')).toMatchObject({ href: '/account' });
  });

  it('is refused to visitors', async () => {
    const refused = await listToDo(db, null).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('UNAUTHENTICATED');
  });
});

describe('the facilitators\' count of companies waiting for verification', () => {
  // Read on every facilitator page: without an index on the status it visited every company
  // (24 ms at 30,000; docs/benchmarks/raw/pages-session7-company-count-explain.md). With
  // sequential scans disabled the planner still falls back to one when no index serves, so the
  // plan shows whether one can — for the statement as Prisma writes it (the status a parameter).
  it('can be answered from an index', async () => {
    let plan = '';
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRawUnsafe(`PREPARE waiting_companies(text) AS
        SELECT count(*) FROM "Company" WHERE "verificationStatus" = CAST($1::text AS "VerificationStatus")`);
      const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN EXECUTE waiting_companies('UNVERIFIED')`);
      await tx.$executeRawUnsafe('DEALLOCATE waiting_companies');
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Company_verificationStatus_idx');
    expect(plan).not.toContain('Seq Scan');
  });
});
