import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationOf } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { digestOriginal } from '../../lib/content/digest';
import { storeMachineTranslation } from '../../lib/content/machine-store';
import { readForReader } from '../../lib/content/read-for-reader';
import { listTranslationQueue } from '../../lib/content/translation-queue';
import { needDescription, needTitle } from '../../lib/content/written';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createMatch } from '../factories/match';
import { createNeed } from '../factories/need';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Texts people write are read in the reader's language where a translation exists, marked by
// who made it; the author's organisation and facilitators add translations; a machine never
// replaces a person's; facilitators see what is missing or out of date.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const context = { ip: '198.51.100.7' };
const save = (actor: Actor | null, input: Record<string, unknown>) => runAction(db, 'saveTranslation', operationOf('saveTranslation'), actor, input, context);
const ukrainianNeed = (overrides = {}) => createNeed(db, world.municipality, {
  title: 'Резервне живлення для водоканалу', description: 'Генератори для насосних станцій під час відключень.', language: 'uk', ...overrides,
});

describe('readForReader', () => {
  it('gives the reader their language where translated, else the original, in one query for the batch', async () => {
    const translated = await ukrainianNeed();
    const untranslated = await ukrainianNeed();
    await db.textTranslation.create({ data: { subject: 'NEED', subjectId: translated.id, field: 'title', locale: 'ja', text: '上下水道の非常用電源', origin: 'FACILITATOR', sourceDigest: digestOriginal(translated.title) } });
    let queries = 0;
    const counted = { textTranslation: { findMany: ((args: Parameters<typeof db.textTranslation.findMany>[0]) => { queries++; return db.textTranslation.findMany(args); }) as typeof db.textTranslation.findMany } };

    const [title, description, other] = await readForReader(counted as never, [needTitle(translated), needDescription(translated), needTitle(untranslated)], 'ja');
    expect(queries).toBe(1);
    expect(title).toEqual({ text: '上下水道の非常用電源', language: 'ja', original: { text: translated.title, language: 'uk' }, translation: { origin: 'FACILITATOR', provider: null, outdated: false } });
    expect(description).toEqual({ text: translated.description, language: 'uk', original: { text: translated.description, language: 'uk' }, translation: null });
    expect(other.translation).toBeNull();
    expect(other.text).toBe(untranslated.title);

    // A Ukrainian reader reads the original; no query at all.
    queries = 0;
    expect((await readForReader(counted as never, [needTitle(translated)], 'uk'))[0]).toMatchObject({ text: translated.title, translation: null });
    expect(queries).toBe(0);
  });

  it('marks a translation made from an older original as out of date', async () => {
    const need = await ukrainianNeed();
    await db.textTranslation.create({ data: { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'en', text: 'Backup power', origin: 'AUTHOR', sourceDigest: digestOriginal(need.title) } });
    const edited = await db.need.update({ where: { id: need.id }, data: { title: `${need.title} (оновлено)` } });
    const [title] = await readForReader(db, [needTitle(edited)], 'en');
    expect(title).toMatchObject({ text: 'Backup power', translation: { origin: 'AUTHOR', outdated: true }, original: { text: edited.title } });
  });

  it('does not show a machine translation of an older original: the reader gets the original until the machine translates again', async () => {
    const need = await ukrainianNeed();
    await db.textTranslation.create({ data: { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'en', text: 'Backup power', origin: 'MACHINE', provider: 'test', sourceDigest: digestOriginal(need.title) } });
    expect((await readForReader(db, [needTitle(need)], 'en'))[0]).toMatchObject({ text: 'Backup power', translation: { origin: 'MACHINE', outdated: false } });
    const edited = await db.need.update({ where: { id: need.id }, data: { title: `${need.title} (оновлено)` } });
    const [title] = await readForReader(db, [needTitle(edited)], 'en');
    expect(title).toEqual({ text: edited.title, language: 'uk', original: { text: edited.title, language: 'uk' }, translation: null });
  });
});

describe('saveTranslation', () => {
  const titleInto = (needId: string, locale: string, translation: string, expectedVersion: number | null) =>
    ({ subject: 'NEED', subjectId: needId, field: 'title', locale, translation, expectedVersion });

  it('records the author’s own translation as AUTHOR and a facilitator’s as FACILITATOR, each audited with it', async () => {
    const need = await ukrainianNeed();
    const byAuthor = await save(world.municipalityRep.actor, titleInto(need.id, 'en', 'Backup power for the water utility', null));
    expect(byAuthor).toMatchObject({ ok: true, data: { origin: 'AUTHOR', version: 0 } });
    const byFacilitator = await save(world.facilitator.actor, titleInto(need.id, 'en', 'Backup power for the water company', 0));
    expect(byFacilitator).toMatchObject({ ok: true, data: { origin: 'FACILITATOR', version: 1 } });

    const stored = await db.textTranslation.findUniqueOrThrow({ where: { subject_subjectId_field_locale: { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'en' } } });
    expect(stored).toMatchObject({ text: 'Backup power for the water company', origin: 'FACILITATOR', provider: null, sourceDigest: digestOriginal(need.title), createdById: world.facilitator.actor.userId });
    const audits = await db.auditLog.findMany({ where: { action: 'translation.saved', entityId: stored.id }, orderBy: { id: 'asc' } });
    expect(audits.map((audit) => audit.actorId)).toEqual([world.municipalityRep.actor.userId, world.facilitator.actor.userId]);
    expect(audits[1].before).toEqual({ text: 'Backup power for the water utility', origin: 'AUTHOR', version: 0 });
  });

  it('refuses another municipality’s member and a company member on a need, changing nothing', async () => {
    const need = await ukrainianNeed();
    for (const actor of [world.otherMunicipalityRep.actor, world.companyRep.actor]) {
      const before = await dataFingerprint(db);
      expect(await save(actor, titleInto(need.id, 'ja', '非常用電源', null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await dataFingerprint(db)).toEqual(before);
    }
    expect(await save(null, titleInto(need.id, 'ja', '非常用電源', null))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('lets a company translate its own interest note, not another company’s', async () => {
    const need = await ukrainianNeed();
    const interest = await db.interest.create({ data: { companyId: world.company.id, needId: need.id, direction: 'COMPANY_INTEREST', note: '三週間で納入できます。', noteLanguage: 'ja' } });
    const input = { subject: 'INTEREST', subjectId: interest.id, field: 'note', locale: 'uk', translation: 'Можемо поставити за три тижні.', expectedVersion: null };
    expect(await save(world.otherCompanyRep.actor, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await save(world.municipalityRep.actor, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await save(world.companyRep.actor, input)).toMatchObject({ ok: true, data: { origin: 'AUTHOR' } });
  });

  it('refuses a stale version (CONFLICT) and a second first save, keeping the first', async () => {
    const need = await ukrainianNeed();
    expect(await save(world.municipalityRep.actor, titleInto(need.id, 'ja', '非常用電源', null))).toMatchObject({ ok: true });
    expect(await save(world.facilitator.actor, titleInto(need.id, 'ja', '別の訳', null))).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.staleVersion' } });
    expect(await save(world.facilitator.actor, titleInto(need.id, 'ja', '別の訳', 5))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const [first, second] = await Promise.all([
      save(world.municipalityRep.actor, titleInto(need.id, 'ja', '訳その一', 0)),
      save(world.facilitator.actor, titleInto(need.id, 'ja', '訳その二', 0)),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect((await db.textTranslation.findFirstOrThrow({ where: { subjectId: need.id, locale: 'ja' } })).version).toBe(1);
  });

  it('refuses a translation into the original’s own language, an unknown field and line breaks in a title', async () => {
    const need = await ukrainianNeed();
    expect(await save(world.municipalityRep.actor, titleInto(need.id, 'uk', 'Те саме', null))).toMatchObject({ ok: false, error: { fieldErrors: { locale: 'validation.translationSameLanguage' } } });
    expect(await save(world.municipalityRep.actor, { ...titleInto(need.id, 'ja', 'x', null), field: 'budgetAmount' })).toMatchObject({ ok: false, error: { fieldErrors: { field: 'validation.invalid' } } });
    expect(await save(world.municipalityRep.actor, titleInto(need.id, 'ja', '一行目\n二行目', null))).toMatchObject({ ok: false, error: { fieldErrors: { translation: 'validation.invalidCharacters' } } });
    expect(await db.textTranslation.count({ where: { subjectId: need.id } })).toBe(0);
  });
});

describe('texts are stored with the language they were written in', () => {
  it('an interest note: as the form says, else the author’s interface language', async () => {
    const need = await ukrainianNeed();
    await db.user.update({ where: { id: world.companyRep.actor.userId }, data: { locale: 'ja' } });
    expect(await runAction(db, 'registerInterest', operationOf('registerInterest'), world.companyRep.actor, { needId: need.id, note: '三週間で納入できます。' }, context)).toMatchObject({ ok: true });
    const stored = () => db.interest.findFirstOrThrow({ where: { needId: need.id, companyId: world.company.id } });
    expect((await stored()).noteLanguage).toBe('ja');
    expect(await runAction(db, 'registerInterest', operationOf('registerInterest'), world.companyRep.actor, { needId: need.id, note: 'We can deliver in three weeks.', noteLanguage: 'en' }, context)).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ note: 'We can deliver in three weeks.', noteLanguage: 'en' });
  });

  it('an introduction’s message, from the facilitator’s note and its language', async () => {
    const need = await ukrainianNeed();
    const match = await createMatch(db, world.company.id, need.id);
    const introduced = await runAction(db, 'decideOnMatch', operationOf('decideOnMatch'), world.facilitator.actor, { matchId: match.id, version: match.version, action: 'INTRODUCE', note: 'Знайомтеся, будь ласка.', noteLanguage: 'uk' }, context);
    expect(introduced).toMatchObject({ ok: true });
    expect(await db.introduction.findFirstOrThrow({ where: { needId: need.id } })).toMatchObject({ message: 'Знайомтеся, будь ласка.', messageLanguage: 'uk' });
  });
});

describe('machine translations', () => {
  it('fill a gap and refresh a machine one, but never replace a person’s', async () => {
    const need = await ukrainianNeed();
    const title = needTitle(need);
    const stored = (locale: 'ja' | 'en') => db.textTranslation.findUniqueOrThrow({ where: { subject_subjectId_field_locale: { subject: 'NEED', subjectId: need.id, field: 'title', locale } } });

    expect(await db.$transaction((tx) => storeMachineTranslation(tx, title, 'ja', { text: '機械の訳', provider: 'deepl' }))).toBe(true);
    expect(await stored('ja')).toMatchObject({ origin: 'MACHINE', provider: 'deepl', version: 0 });
    expect(await db.$transaction((tx) => storeMachineTranslation(tx, title, 'ja', { text: '新しい機械の訳', provider: 'deepl' }))).toBe(true);
    expect(await stored('ja')).toMatchObject({ text: '新しい機械の訳', version: 1 });

    // A person corrects it; the next machine run leaves the person's text alone.
    expect(await save(world.municipalityRep.actor, { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'ja', translation: '上下水道の非常用電源', expectedVersion: 1 })).toMatchObject({ ok: true });
    expect(await db.$transaction((tx) => storeMachineTranslation(tx, title, 'ja', { text: '機械の訳 3', provider: 'deepl' }))).toBe(false);
    expect(await stored('ja')).toMatchObject({ text: '上下水道の非常用電源', origin: 'AUTHOR', provider: null });
  });
});

describe('the facilitators’ queue', () => {
  it('lists visible texts lacking a translation or with an out-of-date one, oldest first; not drafts', async () => {
    const old = new Date('1991-08-24T00:00:00Z');
    const need = await ukrainianNeed({ publishedAt: old });
    const draft = await ukrainianNeed({ status: 'DRAFT', publishedAt: null, createdAt: new Date('1991-08-23T00:00:00Z') });
    await db.textTranslation.createMany({ data: [
      { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'ja', text: '非常用電源', origin: 'FACILITATOR', sourceDigest: digestOriginal(need.title) },
      { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'en', text: 'Backup power', origin: 'AUTHOR', sourceDigest: digestOriginal('an older title') },
    ] });

    const queue = await listTranslationQueue(db, world.facilitator.actor, { page: 1 });
    const mine = queue.items.filter((item) => item.subjectId === need.id).map((item) => `${item.field}:${item.locale}:${item.translation?.origin ?? '-'}`);
    expect(mine).toEqual(['description:ja:-', 'description:en:-', 'title:en:AUTHOR']);
    expect(queue.items.some((item) => item.subjectId === draft.id)).toBe(false);
    expect(queue.items[0].writtenAt.getTime()).toBeLessThanOrEqual(old.getTime());
    expect(queue.total).toBeGreaterThanOrEqual(3);
    const intoEnglish = await listTranslationQueue(db, world.facilitator.actor, { page: 1, into: 'en' });
    expect(intoEnglish.items.filter((item) => item.subjectId === need.id).map((item) => item.field)).toEqual(['description', 'title']);
    expect(intoEnglish.items.every((item) => item.locale === 'en')).toBe(true);

    await expect(listTranslationQueue(db, world.municipalityRep.actor, { page: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
