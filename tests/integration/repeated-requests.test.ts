import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import type { Actor } from '../../lib/auth/actor';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMatch } from '../factories/match';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// A double click, a retried request: identical requests racing each other. Side effects (emails,
// audit rows) follow the one real change, never the number of requests.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const run = (name: ActionName, actor: Actor, input: unknown) => runAction(db, name, operationOf(name), actor, input, { ip: null });
const tenTimes = <T>(request: () => Promise<T>) => Promise.all(Array.from({ length: 10 }, request));

const interestAudit = (interestId: string) => db.auditLog.findMany({ where: { entityType: 'Interest', entityId: interestId }, orderBy: { id: 'asc' } });

describe('identical requests at once', () => {
  it('ten invitations make one interest, one email per member and one audit row', async () => {
    const company = await createCompany(db, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
    const member = await createUser(db, { role: 'COMPANY_REP', companyId: company.id, locale: 'uk' });
    const need = await createNeed(db, world.municipality);
    const input = { needId: need.id, companyId: company.id, note: 'Please come.' };

    const results = await tenTimes(() => run('inviteCompany', world.municipalityRep.actor, input));
    expect(results.every((r) => r.ok)).toBe(true);

    const interests = await db.interest.findMany({ where: { needId: need.id, companyId: company.id } });
    expect(interests).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { kind: 'notice:invited', toAddress: member.email } })).toBe(1);
    expect((await interestAudit(interests[0].id)).map((a) => a.action)).toEqual(['invitation.sent']);

    // A later, different note is one real change: audited, but the company is not emailed again.
    await tenTimes(() => run('inviteCompany', world.municipalityRep.actor, { ...input, note: 'Please come soon.' }));
    expect(await db.outboxEmail.count({ where: { kind: 'notice:invited', toAddress: member.email } })).toBe(1);
    expect((await interestAudit(interests[0].id)).map((a) => a.action)).toEqual(['invitation.sent', 'invitation.updated']);
  });

  it('ten interest registrations make one interest and one audit row; repeating it changes nothing', async () => {
    const need = await createNeed(db, world.municipality);
    const input = { needId: need.id, note: 'We build pumping stations.' };

    const results = await tenTimes(() => run('registerInterest', world.companyRep.actor, input));
    expect(results.every((r) => r.ok)).toBe(true);
    const interests = await db.interest.findMany({ where: { needId: need.id, companyId: world.company.id } });
    expect(interests).toHaveLength(1);
    expect((await interestAudit(interests[0].id)).map((a) => a.action)).toEqual(['interest.registered']);

    expect(await run('registerInterest', world.companyRep.actor, input)).toMatchObject({ ok: true });
    expect(await interestAudit(interests[0].id)).toHaveLength(1);
  });

  it('ten withdrawals withdraw once; ten registrations then revive it once', async () => {
    const need = await createNeed(db, world.municipality);
    const registered = await run('registerInterest', world.otherCompanyRep.actor, { needId: need.id, note: '' });
    expect(registered).toMatchObject({ ok: true });
    const interest = await db.interest.findFirstOrThrow({ where: { needId: need.id, companyId: world.otherCompany.id } });

    const withdrawals = await tenTimes(() => run('withdrawInterest', world.otherCompanyRep.actor, { needId: need.id }));
    expect(withdrawals.filter((r) => r.ok)).toHaveLength(1);
    expect(withdrawals.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'NOT_FOUND')).toBe(true);

    const revivals = await tenTimes(() => run('registerInterest', world.otherCompanyRep.actor, { needId: need.id, note: '' }));
    expect(revivals.every((r) => r.ok)).toBe(true);
    expect((await interestAudit(interest.id)).map((a) => a.action)).toEqual(['interest.registered', 'interest.withdrawn', 'interest.updated']);
    expect((await db.interest.findUniqueOrThrow({ where: { id: interest.id } })).withdrawnAt).toBeNull();
  });

  it('ten identical decisions on a match record one decision and one audit row', async () => {
    const need = await createNeed(db, world.municipality);
    const match = await createMatch(db, world.company.id, need.id);
    const results = await tenTimes(() => run('decideOnMatch', world.facilitator.actor, { matchId: match.id, version: 0, action: 'SHORTLIST', note: 'Fits.' }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.matchDecision.count({ where: { needId: need.id, companyId: world.company.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: 'Match', entityId: match.id } })).toBe(1);
  });

  it('ten publications of a draft need publish it once, with one audit row', async () => {
    const draft = await createNeed(db, world.municipality, { status: 'DRAFT', publishedAt: null });
    const results = await tenTimes(() => run('publishNeed', world.municipalityRep.actor, { needId: draft.id, expectedVersion: draft.version }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityType: 'Need', entityId: draft.id, action: 'need.published' } })).toBe(1);
  });
});
