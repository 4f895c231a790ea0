import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import type { Actor } from '../../lib/auth/actor';
import { MESSAGE_LIMIT } from '../../lib/conversations/rate-limit';
import { listIntroductionMessages, messageTranslationEditors, municipalityContactsFor } from '../../lib/conversations/view';
import { listTranslationQueue } from '../../lib/content/translation-queue';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// The conversation on an introduction: the two organisations and facilitators talk, each in their
// own language; the other side hears of each message in its language; nobody else reads a word.

let world: AccessWorld;
let japaneseMember: { id: string; email: string };
let ukrainianMember: { id: string; email: string };
beforeAll(async () => {
  world = await createAccessWorld(db);
  japaneseMember = await createUser(db, { role: 'COMPANY_REP', companyId: world.company.id, locale: 'ja' });
  ukrainianMember = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: world.municipality.id, locale: 'uk' });
});
afterAll(async () => {
  await stopQueueClient();
});

const run = (name: ActionName, actor: Actor | null, input: unknown) => runAction(db, name, operationOf(name), actor, input, { ip: '203.0.113.9' });

async function introduce() {
  const need = await createNeed(db, world.municipality);
  return db.introduction.create({ data: { needId: need.id, companyId: world.company.id, introducedById: world.facilitator.actor.userId } });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'allowed';
}

async function freshMember(role: 'COMPANY_REP' | 'MUNICIPALITY_REP'): Promise<Actor> {
  const user = role === 'COMPANY_REP'
    ? await createUser(db, { role, companyId: world.company.id })
    : await createUser(db, { role, municipalityId: world.municipality.id });
  return { userId: user.id, role, companyId: user.companyId, municipalityId: user.municipalityId };
}

describe('conversation on an introduction', () => {
  it('both sides and a facilitator write, everyone party reads oldest first, each message kept with its language and audited', async () => {
    const intro = await introduce();
    expect(await run('postIntroductionMessage', world.companyRep.actor, { introductionId: intro.id, body: '来週オンラインで打ち合わせできますか。', language: 'ja' })).toMatchObject({ ok: true });
    expect(await run('postIntroductionMessage', world.municipalityRep.actor, { introductionId: intro.id, body: 'Так, у вівторок о 10:00 за київським часом.', language: 'uk' })).toMatchObject({ ok: true });
    expect(await run('postIntroductionMessage', world.facilitator.actor, { introductionId: intro.id, body: 'I will join as well.', language: 'en' })).toMatchObject({ ok: true });

    for (const reader of [world.companyRep.actor, world.municipalityRep.actor, world.facilitator.actor]) {
      const messages = await listIntroductionMessages(db, reader, intro.id, 'en');
      expect(messages.map((m) => [m.side, m.written.language])).toEqual([['COMPANY', 'ja'], ['MUNICIPALITY', 'uk'], ['FACILITATOR', 'en']]);
    }
    const [first] = await listIntroductionMessages(db, world.companyRep.actor, intro.id, 'ja');
    expect(first.isOwn).toBe(true);
    expect(await db.auditLog.count({ where: { action: 'introduction.message', entityType: 'IntroductionMessage' } })).toBeGreaterThanOrEqual(3);
  });

  it('emails the other side’s people in their language, not the author’s side, and respects their preference', async () => {
    const intro = await introduce();
    const quiet = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: world.municipality.id, locale: 'uk' });
    await db.noticePreference.create({ data: { userId: quiet.id, kind: 'introductionMessage', delivery: 'OFF' } });
    const since = new Date();
    expect(await run('postIntroductionMessage', world.companyRep.actor, { introductionId: intro.id, body: '見積書を送ります。', language: 'ja' })).toMatchObject({ ok: true });

    const toHromada = await db.outboxEmail.findMany({ where: { kind: 'notice:introductionMessage', toAddress: ukrainianMember.email, createdAt: { gte: since } } });
    expect(toHromada).toHaveLength(1);
    expect(toHromada[0].subject).toContain('Нове повідомлення');
    expect(await db.outboxEmail.count({ where: { kind: 'notice:introductionMessage', toAddress: japaneseMember.email, createdAt: { gte: since } } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { kind: 'notice:introductionMessage', toAddress: quiet.email, createdAt: { gte: since } } })).toBe(0);

    const reply = new Date();
    expect(await run('postIntroductionMessage', world.municipalityRep.actor, { introductionId: intro.id, body: 'Дякуємо, чекаємо.', language: 'uk' })).toMatchObject({ ok: true });
    const toCompany = await db.outboxEmail.findMany({ where: { kind: 'notice:introductionMessage', toAddress: japaneseMember.email, createdAt: { gte: reply } } });
    expect(toCompany).toHaveLength(1);
    expect(toCompany[0].subject).toContain('新しいメッセージ');
  });

  it('another company, another hromada, an administrator and a visitor neither read nor write, and nothing is written', async () => {
    const intro = await introduce();
    await run('postIntroductionMessage', world.companyRep.actor, { introductionId: intro.id, body: 'Hello.', language: 'en' });
    const input = { introductionId: intro.id, body: 'Let me in.', language: 'en' };
    const before = await dataFingerprint(db);
    expect(await run('postIntroductionMessage', world.otherCompanyRep.actor, input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('postIntroductionMessage', world.otherMunicipalityRep.actor, input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('postIntroductionMessage', world.admin.actor, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run('postIntroductionMessage', null, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dataFingerprint(db)).toEqual(before);

    expect(await refusal(listIntroductionMessages(db, world.otherCompanyRep.actor, intro.id, 'en'))).toBe('NOT_FOUND');
    expect(await refusal(listIntroductionMessages(db, world.otherMunicipalityRep.actor, intro.id, 'en'))).toBe('NOT_FOUND');
    expect(await refusal(listIntroductionMessages(db, world.admin.actor, intro.id, 'en'))).toBe('FORBIDDEN');
    expect(await refusal(listIntroductionMessages(db, null, intro.id, 'en'))).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty or overlong message on its field', async () => {
    const intro = await introduce();
    expect(await run('postIntroductionMessage', world.companyRep.actor, { introductionId: intro.id, body: '   ', language: 'ja' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { body: 'validation.required' } } });
    expect(await run('postIntroductionMessage', world.companyRep.actor, { introductionId: intro.id, body: 'あ'.repeat(4001), language: 'ja' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { body: expect.stringContaining('validation.tooLong') } } });
  });

  it('slows an author who floods the conversation, and only that author', async () => {
    const intro = await introduce();
    const flooder = await freshMember('COMPANY_REP');
    for (let i = 0; i < MESSAGE_LIMIT.perAuthor; i++) {
      expect(await run('postIntroductionMessage', flooder, { introductionId: intro.id, body: `Message ${i}`, language: 'en' })).toMatchObject({ ok: true });
    }
    const before = await db.introductionMessage.count({ where: { introductionId: intro.id } });
    expect(await run('postIntroductionMessage', flooder, { introductionId: intro.id, body: 'One too many', language: 'en' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await db.introductionMessage.count({ where: { introductionId: intro.id } })).toBe(before);
    expect(await run('postIntroductionMessage', await freshMember('MUNICIPALITY_REP'), { introductionId: intro.id, body: 'Still here.', language: 'uk' })).toMatchObject({ ok: true });
  });
});

describe('the hromada’s contacts on the introduction', () => {
  it('shown to the introduced company and staff only', async () => {
    const intro = await introduce();
    const contacts = await municipalityContactsFor(db, world.companyRep.actor, intro.id);
    expect(contacts?.contactEmail).toBe(world.municipality.contactEmail);
    expect(await municipalityContactsFor(db, world.facilitator.actor, intro.id)).not.toBeNull();
    expect(await municipalityContactsFor(db, world.municipalityRep.actor, intro.id)).toBeNull();
    expect(await refusal(municipalityContactsFor(db, world.otherCompanyRep.actor, intro.id))).toBe('NOT_FOUND');
    expect(await refusal(municipalityContactsFor(db, null, intro.id))).toBe('UNAUTHENTICATED');
  });
});

describe('messages across languages', () => {
  it('the other side reads a translation added by the author’s side, marked as the author’s, with the original kept', async () => {
    const intro = await introduce();
    const posted = await run('postIntroductionMessage', world.companyRep.actor, { introductionId: intro.id, body: '来週の火曜日に伺います。', language: 'ja' });
    const messageId = (posted as { data: { messageId: string } }).data.messageId;

    const [untranslated] = await listIntroductionMessages(db, world.municipalityRep.actor, intro.id, 'uk');
    expect(untranslated.readable).toMatchObject({ text: '来週の火曜日に伺います。', language: 'ja', translation: null });

    // Another company may not translate it; the company that wrote it may, as its author.
    const translation = { subject: 'MESSAGE', subjectId: messageId, field: 'body', locale: 'uk', translation: 'Ми приїдемо наступного вівторка.', expectedVersion: null };
    expect(await run('saveTranslation', world.otherCompanyRep.actor, translation)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run('saveTranslation', world.companyRep.actor, translation)).toMatchObject({ ok: true, data: { origin: 'AUTHOR' } });

    const [translated] = await listIntroductionMessages(db, world.municipalityRep.actor, intro.id, 'uk');
    expect(translated.readable).toMatchObject({
      text: 'Ми приїдемо наступного вівторка.', language: 'uk',
      original: { text: '来週の火曜日に伺います。', language: 'ja' }, translation: { origin: 'AUTHOR', outdated: false },
    });
    // The hromada did not write it: it has no editor for it; a facilitator has one.
    const [asRead] = await listIntroductionMessages(db, world.municipalityRep.actor, intro.id, 'uk');
    expect((await messageTranslationEditors(db, world.municipalityRep.actor, [asRead])).get(messageId)).toBeNull();
    expect((await messageTranslationEditors(db, world.facilitator.actor, [asRead])).get(messageId)).not.toBeNull();
  });

  it('reads a long conversation and each message’s translation editor in a fixed number of queries, each editor its own', async () => {
    const intro = await introduce();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const [actor, body, language] = i % 2 === 0
        ? [world.companyRep.actor, `見積書の件、その${i}。`, 'ja'] : [world.municipalityRep.actor, `Щодо кошторису, частина ${i}.`, 'uk'];
      const posted = await run('postIntroductionMessage', actor, { introductionId: intro.id, body, language });
      ids.push((posted as { data: { messageId: string } }).data.messageId);
    }
    await run('saveTranslation', world.companyRep.actor, { subject: 'MESSAGE', subjectId: ids[0], field: 'body', locale: 'uk', translation: 'Щодо кошторису, частина 0.', expectedVersion: null });

    let queries = 0;
    const counted = db.$extends({ query: { $allOperations: ({ args, query }) => { queries++; return query(args); } } }) as unknown as typeof db;
    const messages = await listIntroductionMessages(counted, world.companyRep.actor, intro.id, 'uk');
    const read = queries;
    queries = 0;
    const editors = await messageTranslationEditors(counted, world.companyRep.actor, messages);
    // The messages: the access check, the rows, their translations; the editors: the messages' authors and their translations.
    expect({ read, editors: queries }).toEqual({ read: expect.any(Number) as number, editors: 2 });
    expect(read).toBeLessThanOrEqual(4);
    // The company edits the translations of its own messages only, and sees the one it made.
    expect(ids.map((id) => editors.get(id) !== null)).toEqual(ids.map((_, i) => i % 2 === 0));
    expect(editors.get(ids[0])![0].slots.find((slot) => slot.locale === 'uk')).toMatchObject({ text: 'Щодо кошторису, частина 0.', origin: 'AUTHOR', outdated: false });
    expect(editors.get(ids[2])![0].slots.every((slot) => slot.version === null)).toBe(true);
    const facilitators = await messageTranslationEditors(db, world.facilitator.actor, messages);
    expect(ids.every((id) => facilitators.get(id) !== null)).toBe(true);
    expect((await messageTranslationEditors(db, world.admin.actor, messages)).size).toBe(8);
    expect([...(await messageTranslationEditors(db, world.admin.actor, messages)).values()].every((editor) => editor === null)).toBe(true);
  });

  it('facilitators find untranslated messages in their queue; administrators neither see nor translate them', async () => {
    const intro = await introduce();
    const posted = await run('postIntroductionMessage', world.municipalityRep.actor, { introductionId: intro.id, body: 'Чекаємо на кошторис до п’ятниці.', language: 'uk' });
    const messageId = (posted as { data: { messageId: string } }).data.messageId;
    const inQueue = async (actor: Actor) => {
      for (let page = 1; ; page++) {
        const found = await listTranslationQueue(db, actor, { page });
        if (found.items.some((item) => item.subject === 'MESSAGE' && item.subjectId === messageId)) return true;
        if (page >= found.pageCount) return false;
      }
    };
    expect(await inQueue(world.facilitator.actor)).toBe(true);
    expect(await inQueue(world.admin.actor)).toBe(false);
    const translation = { subject: 'MESSAGE', subjectId: messageId, field: 'body', locale: 'ja', translation: '金曜日までに見積書をお待ちしています。', expectedVersion: null };
    expect(await run('saveTranslation', world.admin.actor, translation)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('saveTranslation', world.facilitator.actor, translation)).toMatchObject({ ok: true, data: { origin: 'FACILITATOR' } });
    const [read] = await listIntroductionMessages(db, world.companyRep.actor, intro.id, 'ja');
    expect(read.readable).toMatchObject({ text: '金曜日までに見積書をお待ちしています。', translation: { origin: 'FACILITATOR' } });
    // Nor does an administrator get the editor (which would show the translations), and the audit
    // row keeps the translation's length, not its words.
    expect((await messageTranslationEditors(db, world.admin.actor, [read])).get(messageId)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'translation.saved', actorId: world.facilitator.actor.userId }, orderBy: { createdAt: 'desc' } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain('見積書');
    expect(audit.after).toMatchObject({ subject: 'MESSAGE', length: '金曜日までに見積書をお待ちしています。'.length });
  });
});

describe('the notice quotes the need in the recipient’s language', () => {
  it('a Japanese member’s email names the need by its Japanese translation', async () => {
    const need = await createNeed(db, world.municipality, { title: `Ремонт мосту ${Date.now()}`, language: 'uk' });
    const intro = await db.introduction.create({ data: { needId: need.id, companyId: world.company.id, introducedById: world.facilitator.actor.userId } });
    const titleJa = `橋の修理 ${need.id.slice(0, 8)}`;
    expect(await run('saveTranslation', world.municipalityRep.actor, { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'ja', translation: titleJa, expectedVersion: null })).toMatchObject({ ok: true });
    const since = new Date();
    expect(await run('postIntroductionMessage', world.municipalityRep.actor, { introductionId: intro.id, body: 'Надсилаємо креслення.', language: 'uk' })).toMatchObject({ ok: true });
    const [email] = await db.outboxEmail.findMany({ where: { kind: 'notice:introductionMessage', toAddress: japaneseMember.email, createdAt: { gte: since } } });
    expect(email.subject).toContain(titleJa);
    expect(email.subject).toContain('新しいメッセージ');
  });
});

describe('an organisation rejected after its introduction', () => {
  it('no longer reads or writes the conversation (the other side keeps it), and a rejected hromada has no contacts to give', async () => {
    const own = await createAccessWorld(db);
    const need = await createNeed(db, own.municipality);
    const intro = await db.introduction.create({ data: { needId: need.id, companyId: own.company.id, introducedById: own.facilitator.actor.userId } });
    await db.company.update({ where: { id: own.company.id }, data: { verificationStatus: 'REJECTED' } });
    expect(await refusal(listIntroductionMessages(db, own.companyRep.actor, intro.id, 'en'))).toBe('NOT_FOUND');
    expect(await run('postIntroductionMessage', own.companyRep.actor, { introductionId: intro.id, body: 'Still here?', language: 'en' })).toMatchObject({ ok: false });
    expect(await refusal(listIntroductionMessages(db, own.municipalityRep.actor, intro.id, 'en'))).toBe('allowed');
    expect(await municipalityContactsFor(db, own.facilitator.actor, intro.id)).not.toBeNull();
    await db.municipality.update({ where: { id: own.municipality.id }, data: { verificationStatus: 'REJECTED' } });
    expect(await municipalityContactsFor(db, own.facilitator.actor, intro.id)).toBeNull();
    expect(await refusal(listIntroductionMessages(db, own.municipalityRep.actor, intro.id, 'en'))).toBe('NOT_FOUND');
    expect(await refusal(listIntroductionMessages(db, own.facilitator.actor, intro.id, 'en'))).toBe('allowed');
  });
});
