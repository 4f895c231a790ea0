import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { digestOriginal } from '../../lib/content/digest';
import { configuredProvider } from '../../lib/content/machine/configured';
import { queueTranslations } from '../../lib/content/queue-translations';
import type { Locale, TextOrigin } from '../../lib/generated/prisma/enums';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { decideOnMatch } from '../../lib/match-decisions/decide';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { sendDigests } from '../../lib/notifications/digest';
import { noticesForInterest } from '../../lib/notifications/events/interests';
import { noticesForNeedChange } from '../../lib/notifications/events/needs';
import { createCompany } from '../factories/company';
import { createMatch } from '../factories/match';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// Emails quote what people wrote in the recipient's language: a Ukrainian need's title reads in
// Japanese for a Japanese company's member, with the marker saying who translated it and the
// original below. Without DEEPL_API_KEY (as here) nothing is machine-translated and nothing breaks.

let boss: PgBoss;
const context = { ip: null };

beforeAll(async () => {
  boss = await startJobQueue(inject('databaseUrl'));
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

const UK_TITLE = 'Генератори для лікарні в Ірпені';
const JA_TITLE = 'イルピン病院向けの発電機';

async function world() {
  const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  const need = await createNeed(db, municipality, { title: `${UK_TITLE} ${Math.random().toString(36).slice(2, 7)}`, language: 'uk' });
  const company = await createCompany(db, { verificationStatus: 'VERIFIED' });
  const companyUser = await createUser(db, { role: 'COMPANY_REP', companyId: company.id, locale: 'ja' });
  const municipalityUser = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id, locale: 'uk' });
  return { municipality, need, company, companyUser, municipalityUser };
}

const translate = (subject: 'NEED' | 'INTEREST', subjectId: string, field: string, original: string, locale: Locale, text: string, origin: TextOrigin = 'MACHINE') =>
  db.textTranslation.create({
    data: { subject, subjectId, field, locale, text, origin, provider: origin === 'MACHINE' ? 'deepl' : null, sourceDigest: digestOriginal(original) },
  });

const emailsTo = (address: string) => db.outboxEmail.findMany({ where: { toAddress: address }, orderBy: { createdAt: 'asc' } });

describe('without a provider', () => {
  it('queues no translation job, and the write goes through', async () => {
    expect(configuredProvider()).toBeNull();
    const { need } = await world();
    await db.$transaction((tx) => queueTranslations(tx, [{ subject: 'NEED', subjectId: need.id, field: 'title', text: need.title, language: 'uk' }]));
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = ${QUEUES.translateText} AND data->>'subjectId' = ${need.id}`).toEqual([]);
  });
});

describe('notice emails and digests', () => {
  it('give a Japanese reader a Ukrainian need title in Japanese, with the machine marker and the original', async () => {
    const { need, company, companyUser, municipalityUser } = await world();
    await translate('NEED', need.id, 'title', need.title, 'ja', JA_TITLE);
    // An invitation with a Ukrainian note, translated by its author.
    const note = 'Запрошуємо вас до співпраці.';
    const interest = await db.interest.create({ data: { needId: need.id, companyId: company.id, direction: 'MUNICIPALITY_INVITATION', note, noteLanguage: 'uk', createdById: municipalityUser.id } });
    await translate('INTEREST', interest.id, 'note', note, 'ja', 'ぜひご協力ください。', 'AUTHOR');
    await db.$transaction((tx) => noticesForInterest(tx, { needId: need.id, companyId: company.id, direction: 'MUNICIPALITY_INVITATION', note }));

    const [email] = await emailsTo(companyUser.email);
    expect(email.locale).toBe('ja');
    expect(email.subject).toContain(JA_TITLE);
    expect(email.text).toContain(`ウクライナ語からの機械翻訳 — 原文（ウクライナ語）: ${need.title}`);
    expect(email.text).toContain('フロマーダからのメモ: ぜひご協力ください。');
    expect(email.text).toContain(`投稿者による翻訳（原文はウクライナ語） — 原文（ウクライナ語）: ${note}`);
    expect(email.html).toContain(JA_TITLE);
    // The stored notice keeps the text as written; the app page reads it the same way.
    const notice = await db.notice.findFirstOrThrow({ where: { userId: companyUser.id, kind: 'invited' } });
    expect(notice.params).toMatchObject({ needTitle: need.title, note });
  });

  it('say a text is not yet translated, with the language it is written in, when there is no translation', async () => {
    const { need, companyUser } = await world();
    await db.needFollow.create({ data: { userId: companyUser.id, needId: need.id } });
    await db.$transaction((tx) => noticesForNeedChange(tx, need.id, 'closed', 1));
    const [email] = await emailsTo(companyUser.email);
    expect(email.text).toContain(need.title);
    expect(email.text).toContain('未翻訳 — 原文はウクライナ語です');
  });

  it('show an out-of-date translation as such', async () => {
    const { need, companyUser } = await world();
    await translate('NEED', need.id, 'title', 'an earlier title', 'ja', JA_TITLE, 'FACILITATOR');
    await db.needFollow.create({ data: { userId: companyUser.id, needId: need.id } });
    await db.$transaction((tx) => noticesForNeedChange(tx, need.id, 'closed', 1));
    const [email] = await emailsTo(companyUser.email);
    expect(email.text).toContain(`ファシリテーターによる翻訳（原文はウクライナ語） — 翻訳した後に原文が変更されています。 — 原文（ウクライナ語）: ${need.title}`);
  });

  it('read each digest item in the reader\'s language', async () => {
    const { need, companyUser } = await world();
    await translate('NEED', need.id, 'title', need.title, 'ja', JA_TITLE);
    await db.needFollow.create({ data: { userId: companyUser.id, needId: need.id } });
    await db.$transaction((tx) => noticesForNeedChange(tx, need.id, 'changed', 2)); // DAILY by default
    expect(await emailsTo(companyUser.email)).toEqual([]);
    await sendDigests(db, 'DAILY', new Date(Date.now() + 1000));
    const [digest] = await emailsTo(companyUser.email);
    expect(digest.kind).toBe('digest:daily');
    expect(digest.text).toContain(`フォロー中の案件が更新されました: ${JA_TITLE}`);
    expect(digest.text).toContain(`ウクライナ語からの機械翻訳 — 原文（ウクライナ語）: ${need.title}`);
  });
});

describe('introduction emails', () => {
  it('give each side the need title and the facilitator\'s note in its own language, with markers and originals', async () => {
    const { need, company, companyUser, municipalityUser } = await world();
    await translate('NEED', need.id, 'title', need.title, 'ja', JA_TITLE);
    const match = await createMatch(db, company.id, need.id);
    const facilitator = await createUser(db, { role: 'FACILITATOR', locale: 'en' });
    const actor: Actor = { userId: facilitator.id, role: 'FACILITATOR', companyId: null, municipalityId: null };
    await decideOnMatch(db, actor, { matchId: match.id, version: 0, action: 'INTRODUCE', note: 'Please meet at ReBuild Ukraine in Warsaw.' }, context);

    const [toCompany] = (await emailsTo(companyUser.email)).filter((email) => email.kind === 'introduction');
    expect(toCompany.locale).toBe('ja');
    expect(toCompany.text).toContain(`案件:「${JA_TITLE}」\nウクライナ語からの機械翻訳 — 原文（ウクライナ語）: ${need.title}`);
    // The note has no translation yet: shown as written, saying so.
    expect(toCompany.text).toContain('Please meet at ReBuild Ukraine in Warsaw.\n未翻訳 — 原文は英語です');

    const [toMunicipality] = (await emailsTo(municipalityUser.email)).filter((email) => email.kind === 'introduction');
    expect(toMunicipality.locale).toBe('uk');
    // The title is in the reader's own language: no marker.
    expect(toMunicipality.text).toContain(`«${need.title}»; компанія отримала ваші контакти.\n\n`);
    expect(toMunicipality.text).toContain('Please meet at ReBuild Ukraine in Warsaw.\nЩе не перекладено — написано англійською');
  });
});
