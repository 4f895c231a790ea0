import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import type { Actor } from '../../lib/auth/actor';
import { getOwnStandingOnNeed } from '../../lib/interests/need-interests';
import { rerankNeed } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// A hromada invites a company; a person chooses the language of their emails.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const run = (name: ActionName, actor: Actor, input: unknown) => runAction(db, name, operationOf(name), actor, input, { ip: null });

describe('invitations', () => {
  it('invite a company once, email its members in their language, and count in the ranking', async () => {
    const calm = await createMunicipality(db, (await pickFreeHromada(db, { hostilityStatus: 'NONE' })).code, { verificationStatus: 'VERIFIED' });
    const rep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: calm.id });
    const actor: Actor = { userId: rep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: calm.id };
    const need = await createNeed(db, calm);
    const member = await createUser(db, { role: 'COMPANY_REP', companyId: world.company.id, locale: 'ja' });
    const since = new Date();

    expect(await run('inviteCompany', actor, { needId: need.id, companyId: world.company.id, note: 'Generators, please.' })).toMatchObject({ ok: true });
    expect(await run('inviteCompany', actor, { needId: need.id, companyId: world.company.id, note: 'Updated note.' })).toMatchObject({ ok: true });

    const emails = await db.outboxEmail.findMany({ where: { kind: 'notice:invited', createdAt: { gte: since }, toAddress: member.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('招待');
    const invitation = await db.interest.findUniqueOrThrow({ where: { companyId_needId_direction: { companyId: world.company.id, needId: need.id, direction: 'MUNICIPALITY_INVITATION' } } });
    expect(invitation.note).toBe('Updated note.');

    await rerankNeed(db, need.id);
    const standing = await getOwnStandingOnNeed(db, world.companyRep.actor, need.id);
    expect(standing.invitation?.note).toBe('Updated note.');
    const reciprocal = standing.match?.explanation.kind === 'scored' ? standing.match.explanation.entries.find((e) => e.criterion === 'reciprocal') : undefined;
    expect(reciprocal?.reason.code).toBe('MUNICIPALITY_INVITED');
  });

  it('refuses another hromada’s need and unverified companies, writing nothing', async () => {
    const unverified = await createCompany(db);
    const before = await dataFingerprint(db);
    expect(await run('inviteCompany', world.otherMunicipalityRep.actor, { needId: world.openNeed.id, companyId: world.company.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('inviteCompany', world.municipalityRep.actor, { needId: world.openNeed.id, companyId: unverified.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dataFingerprint(db)).toEqual(before);
  });
});

describe('email language', () => {
  it('changes only the signed-in person’s own language', async () => {
    expect(await run('setEmailLanguage', world.otherCompanyRep.actor, { locale: 'uk' })).toMatchObject({ ok: true, data: { locale: 'uk' } });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.otherCompanyRep.actor.userId } })).locale).toBe('uk');
    const someoneElse = await db.user.findUniqueOrThrow({ where: { id: world.companyRep.actor.userId } });
    expect(someoneElse.locale).not.toBe('uk');
    expect(await run('setEmailLanguage', world.otherCompanyRep.actor, { locale: 'fr', userId: world.companyRep.actor.userId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
