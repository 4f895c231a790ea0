import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import type { Actor } from '../../lib/auth/actor';
import { readForReader } from '../../lib/content/read-for-reader';
import { getOwnStandingOnNeed, listInterestsForNeed } from '../../lib/interests/need-interests';
import { responseReason } from '../../lib/interests/written-answer';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { listToDo } from '../../lib/platform/to-do';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// A hromada answers a company's interest (welcome, or decline with a reason), and takes back an
// invitation; the company reads both, and hears of them in its language.

let world: AccessWorld;
let japaneseMember: { id: string; email: string };
beforeAll(async () => {
  world = await createAccessWorld(db);
  japaneseMember = await createUser(db, { role: 'COMPANY_REP', companyId: world.company.id, locale: 'ja' });
});
afterAll(async () => {
  await stopQueueClient();
});

const run = (name: ActionName, actor: Actor | null, input: unknown) => runAction(db, name, operationOf(name), actor, input, { ip: '203.0.113.9' });

async function companyInterest(municipality = world.municipality) {
  const need = await createNeed(db, municipality);
  const interest = await db.interest.create({ data: { companyId: world.company.id, needId: need.id, direction: 'COMPANY_INTEREST', note: '発電機の設置経験があります。' } });
  return { need, interest };
}

const decline = (interestId: string) => ({ interestId, response: 'DECLINED', responseReason: 'Ми вже обрали постачальника.', responseLanguage: 'uk' });

describe('answering an interest', () => {
  it('declines with a reason: stored with its language, audited, shown to the company, and emailed in the company’s language', async () => {
    const { need, interest } = await companyInterest();
    const since = new Date();
    expect(await run('answerInterest', world.municipalityRep.actor, decline(interest.id))).toMatchObject({ ok: true, data: { response: 'DECLINED', changed: true } });

    const row = await db.interest.findUniqueOrThrow({ where: { id: interest.id } });
    expect(row).toMatchObject({ response: 'DECLINED', responseReason: 'Ми вже обрали постачальника.', responseLanguage: 'uk', respondedById: world.municipalityRep.actor.userId });
    expect(await db.auditLog.count({ where: { action: 'interest.declined', entityId: interest.id } })).toBe(1);

    const standing = await getOwnStandingOnNeed(db, world.companyRep.actor, need.id);
    expect(standing.interest).toMatchObject({ response: 'DECLINED', responseReason: 'Ми вже обрали постачальника.', responseLanguage: 'uk' });
    const hromadaView = await listInterestsForNeed(db, world.municipalityRep.actor, need.id);
    expect(hromadaView[0]).toMatchObject({ id: interest.id, response: 'DECLINED' });

    const emails = await db.outboxEmail.findMany({ where: { kind: 'notice:interestAnswered', toAddress: japaneseMember.email, createdAt: { gte: since } } });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('見送');
  });

  it('an answered interest leaves the hromada’s to-do list', async () => {
    const waiting = async () => (await listToDo(db, world.municipalityRep.actor)).find((item) => item.kind === 'newInterests')?.count ?? 0;
    const { interest } = await companyInterest();
    const before = await waiting();
    await run('answerInterest', world.municipalityRep.actor, { interestId: interest.id, response: 'WELCOMED', responseReason: '', responseLanguage: 'uk' });
    expect(await waiting()).toBe(before - 1);
  });

  it('the same answer again changes nothing; a changed mind is audited and told again', async () => {
    const { interest } = await companyInterest();
    await run('answerInterest', world.municipalityRep.actor, decline(interest.id));
    expect(await run('answerInterest', world.municipalityRep.actor, decline(interest.id))).toMatchObject({ ok: true, data: { changed: false } });
    expect(await db.notice.count({ where: { kind: 'interestAnswered', userId: japaneseMember.id, needId: interest.needId } })).toBe(1);

    const welcome = { interestId: interest.id, response: 'WELCOMED', responseReason: '', responseLanguage: 'uk' };
    expect(await run('answerInterest', world.municipalityRep.actor, welcome)).toMatchObject({ ok: true, data: { response: 'WELCOMED', changed: true } });
    const row = await db.interest.findUniqueOrThrow({ where: { id: interest.id } });
    expect(row).toMatchObject({ response: 'WELCOMED', responseReason: '', responseLanguage: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'interest.welcomed', entityId: interest.id } });
    expect(audit.before).toMatchObject({ response: 'DECLINED' });
    expect(await db.notice.count({ where: { kind: 'interestAnswered', userId: japaneseMember.id, needId: interest.needId } })).toBe(2);
  });

  it('a decline without a reason is refused on the reason field', async () => {
    const { interest } = await companyInterest();
    const result = await run('answerInterest', world.municipalityRep.actor, { ...decline(interest.id), responseReason: '  ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { responseReason: 'validation.required' } } });
  });

  it('refuses another hromada, a company, an unverified hromada, a withdrawn interest and a visitor, writing nothing', async () => {
    const { interest } = await companyInterest();
    const unverified = await createMunicipality(db, (await pickFreeHromada(db)).code);
    const unverifiedRep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: unverified.id });
    const unverifiedActor: Actor = { userId: unverifiedRep.id, role: 'MUNICIPALITY_REP', companyId: null, municipalityId: unverified.id };
    const theirs = await companyInterest(unverified);
    const withdrawn = await companyInterest();
    await db.interest.update({ where: { id: withdrawn.interest.id }, data: { withdrawnAt: new Date() } });
    const before = await dataFingerprint(db);

    expect(await run('answerInterest', world.otherMunicipalityRep.actor, decline(interest.id))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('answerInterest', world.companyRep.actor, decline(interest.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run('answerInterest', world.facilitator.actor, decline(interest.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run('answerInterest', null, decline(interest.id))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await run('answerInterest', unverifiedActor, decline(theirs.interest.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.notVerified' } });
    expect(await run('answerInterest', world.municipalityRep.actor, decline(withdrawn.interest.id))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dataFingerprint(db)).toEqual(before);
  });

  it('an interest withdrawn and registered again waits for a new answer', async () => {
    const { need, interest } = await companyInterest();
    await run('answerInterest', world.municipalityRep.actor, decline(interest.id));
    // The hromada translated its reason; the translation goes with the answer it translated.
    const original = await db.interest.findUniqueOrThrow({ where: { id: interest.id } });
    const translateInto = (['ja', 'uk', 'en'] as const).find((locale) => locale !== original.responseLanguage)!;
    expect(await run('saveTranslation', world.municipalityRep.actor, {
      subject: 'INTEREST_RESPONSE', subjectId: interest.id, field: 'responseReason', locale: translateInto, translation: 'A reason, translated.', expectedVersion: null,
    })).toMatchObject({ ok: true });
    expect(await run('withdrawInterest', world.companyRep.actor, { needId: need.id })).toMatchObject({ ok: true });
    expect(await run('registerInterest', world.companyRep.actor, { needId: need.id, note: 'We have new capacity.' })).toMatchObject({ ok: true });
    expect(await db.interest.findUniqueOrThrow({ where: { id: interest.id } })).toMatchObject({ response: null, responseReason: '', respondedAt: null });
    expect(await db.textTranslation.count({ where: { subject: 'INTEREST_RESPONSE', subjectId: interest.id } })).toBe(0);
  });
});

describe('withdrawing an invitation', () => {
  it('keeps the invitation as withdrawn, audits it, tells the company in its language', async () => {
    const need = await createNeed(db, world.municipality);
    expect(await run('inviteCompany', world.municipalityRep.actor, { needId: need.id, companyId: world.company.id, note: 'Запрошуємо до співпраці.' })).toMatchObject({ ok: true });
    const since = new Date();
    expect(await run('withdrawInvitation', world.municipalityRep.actor, { needId: need.id, companyId: world.company.id })).toMatchObject({ ok: true });

    const standing = await getOwnStandingOnNeed(db, world.companyRep.actor, need.id);
    expect(standing.invitation?.withdrawnAt).toBeInstanceOf(Date);
    expect(standing.invitation?.note).toBe('Запрошуємо до співпраці.');
    expect(await db.auditLog.count({ where: { action: 'invitation.withdrawn', entityId: standing.invitation!.id } })).toBe(1);
    const emails = await db.outboxEmail.findMany({ where: { kind: 'notice:invitationWithdrawn', toAddress: japaneseMember.email, createdAt: { gte: since } } });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('取り下げ');

    // Withdrawing twice finds nothing to withdraw.
    expect(await run('withdrawInvitation', world.municipalityRep.actor, { needId: need.id, companyId: world.company.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses another hromada, a company and a visitor, writing nothing', async () => {
    const need = await createNeed(db, world.municipality);
    await db.interest.create({ data: { companyId: world.company.id, needId: need.id, direction: 'MUNICIPALITY_INVITATION' } });
    const input = { needId: need.id, companyId: world.company.id };
    const before = await dataFingerprint(db);
    expect(await run('withdrawInvitation', world.otherMunicipalityRep.actor, input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('withdrawInvitation', world.companyRep.actor, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run('withdrawInvitation', null, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dataFingerprint(db)).toEqual(before);
  });
});

describe('inviting again after a withdrawal', () => {
  it('is a new invitation: shown live again and told to the company again', async () => {
    const need = await createNeed(db, world.municipality);
    const input = { needId: need.id, companyId: world.company.id, note: 'Запрошуємо.' };
    expect(await run('inviteCompany', world.municipalityRep.actor, input)).toMatchObject({ ok: true });
    expect(await run('withdrawInvitation', world.municipalityRep.actor, { needId: need.id, companyId: world.company.id })).toMatchObject({ ok: true });
    expect(await run('inviteCompany', world.municipalityRep.actor, input)).toMatchObject({ ok: true });
    const standing = await getOwnStandingOnNeed(db, world.companyRep.actor, need.id);
    expect(standing.invitation?.withdrawnAt).toBeNull();
    expect(await db.notice.count({ where: { kind: 'invited', userId: japaneseMember.id, needId: need.id } })).toBe(2);
  });
});

describe('the reason across languages', () => {
  it('the company reads the hromada’s reason in Japanese once the hromada adds a translation; the company cannot translate it', async () => {
    const { need, interest } = await companyInterest();
    await run('answerInterest', world.municipalityRep.actor, decline(interest.id));
    const translation = { subject: 'INTEREST_RESPONSE', subjectId: interest.id, field: 'responseReason', locale: 'ja', translation: 'すでに別の事業者を選定しました。', expectedVersion: null };
    expect(await run('saveTranslation', world.companyRep.actor, translation)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run('saveTranslation', world.municipalityRep.actor, translation)).toMatchObject({ ok: true, data: { origin: 'AUTHOR' } });

    const standing = await getOwnStandingOnNeed(db, world.companyRep.actor, need.id);
    const [reason] = await readForReader(db, [responseReason(standing.interest!)!], 'ja');
    expect(reason).toMatchObject({ text: 'すでに別の事業者を選定しました。', original: { text: 'Ми вже обрали постачальника.', language: 'uk' }, translation: { origin: 'AUTHOR' } });
  });
});
