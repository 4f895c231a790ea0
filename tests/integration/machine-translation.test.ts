import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { digestOriginal } from '../../lib/content/digest';
import { configuredProvider } from '../../lib/content/machine/configured';
import { CATALOGUES } from '../../lib/content/machine/glossary';
import { glossaryIdFor } from '../../lib/content/machine/glossary-store';
import { ProviderBusyError, type MachineProvider } from '../../lib/content/machine/provider';
import { translateText } from '../../lib/content/machine/translate-text';
import { runTranslateJob } from '../../lib/content/machine/worker';
import { queueTranslations } from '../../lib/content/queue-translations';
import type { Written } from '../../lib/content/types';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import { QUEUES, RETRY_LIMIT, startJobQueue, type JobData } from '../../lib/jobs/queue';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// Machine translation with DeepL configured the way an operator does it (DEEPL_API_KEY,
// DEEPL_SERVER_URL), against a local server speaking DeepL's API: lib/env reads both when it
// loads, so the stand-in starts before anything is imported.
const fake = await vi.hoisted(async () => {
  const { startFakeDeepL } = await import('../support/deepl-server');
  const server = await startFakeDeepL();
  process.env.DEEPL_API_KEY = 'test-key:fx';
  process.env.DEEPL_SERVER_URL = server.url;
  return server;
});

let boss: PgBoss;
let provider: MachineProvider;

beforeAll(async () => {
  boss = await startJobQueue(inject('databaseUrl'));
  provider = configuredProvider()!;
});

afterAll(async () => {
  await fake.close();
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

async function ukrainianNeed(title = `${uk.capability.POWER_GENERATORS} для лікарні ${Math.random().toString(36).slice(2, 8)}`) {
  const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  return createNeed(db, municipality, { title, description: 'Потрібні генератори для насосних станцій.', language: 'uk' });
}

const titleOf = (need: { id: string }) => ({ subject: 'NEED' as const, subjectId: need.id, field: 'title' });
const translations = async (need: { id: string }, field = 'title') =>
  (await db.textTranslation.findMany({ where: { subject: 'NEED', subjectId: need.id, field } })).sort((a, b) => a.locale.localeCompare(b.locale));
const translateCalls = () => fake.requests.filter((request) => request.path === '/v2/translate');
const jobsFor = (subjectId: string) =>
  db.$queryRaw<{ state: string; retry_limit: number; retry_count: number; start_after: Date; singleton_key: string }[]>`
    SELECT state, retry_limit, retry_count, start_after, singleton_key FROM pgboss.job WHERE name = ${QUEUES.translateText} AND data->>'subjectId' = ${subjectId}`;

describe('queueing', () => {
  it('queues one job per text in the writing transaction, and none when the write rolls back', async () => {
    const need = await ukrainianNeed();
    const written: Written[] = [
      { ...titleOf(need), text: need.title, language: 'uk' },
      { subject: 'NEED', subjectId: need.id, field: 'description', text: need.description, language: 'uk' },
    ];
    await db.$transaction((tx) => queueTranslations(tx, written));
    expect((await jobsFor(need.id)).map((job) => job.singleton_key).sort()).toEqual([`NEED:${need.id}:description`, `NEED:${need.id}:title`]);

    const other = await ukrainianNeed();
    await expect(db.$transaction(async (tx) => {
      await queueTranslations(tx, [{ ...titleOf(other), text: other.title, language: 'uk' }]);
      throw new Error('the write failed');
    })).rejects.toThrow('the write failed');
    expect(await jobsFor(other.id)).toEqual([]);
  });
});

describe('the translate-text job', () => {
  it('translates into the two missing languages, marked MACHINE by deepl with the digest of the original, using the glossary', async () => {
    const need = await ukrainianNeed();
    const before = translateCalls().length;
    const outcome = await translateText(db, provider, titleOf(need));
    expect(outcome.translated.sort()).toEqual(['en', 'ja']);
    const rows = await translations(need);
    expect(rows.map((row) => [row.locale, row.origin, row.provider, row.sourceDigest])).toEqual([
      ['en', 'MACHINE', 'deepl', digestOriginal(need.title)],
      ['ja', 'MACHINE', 'deepl', digestOriginal(need.title)],
    ]);
    // The catalogue's word for the capability, not whatever the engine would choose.
    expect(rows.find((row) => row.locale === 'ja')!.text).toBe(`[ja] ${need.title.replace(uk.capability.POWER_GENERATORS, ja.capability.POWER_GENERATORS)}`);
    const calls = translateCalls().slice(before);
    expect(calls.map((call) => [call.form.get('source_lang'), call.form.get('target_lang')]).sort()).toEqual([['uk', 'en-GB'], ['uk', 'ja']]);
    expect(calls.every((call) => call.auth === 'DeepL-Auth-Key test-key:fx' && call.form.get('glossary_id'))).toBe(true);
  });

  it('leaves a language with a person\'s translation alone, current or out of date', async () => {
    const need = await ukrainianNeed();
    await db.textTranslation.create({ data: { ...titleOf(need), locale: 'ja', text: '病院用の発電機', origin: 'AUTHOR', sourceDigest: digestOriginal(need.title) } });
    await db.textTranslation.create({ data: { ...titleOf(need), locale: 'en', text: 'Old words', origin: 'FACILITATOR', sourceDigest: digestOriginal('an earlier title') } });
    const before = translateCalls().length;
    const outcome = await translateText(db, provider, titleOf(need));
    expect(outcome.translated).toEqual([]);
    expect(outcome.skipped.sort()).toEqual(['en', 'ja']);
    expect(translateCalls().length).toBe(before);
    expect((await translations(need)).map((row) => [row.locale, row.origin, row.text])).toEqual([['en', 'FACILITATOR', 'Old words'], ['ja', 'AUTHOR', '病院用の発電機']]);
  });

  it('translates only what is missing when the job runs again, and redoes a machine translation of an older original', async () => {
    const need = await ukrainianNeed();
    await translateText(db, provider, titleOf(need));
    const before = translateCalls().length;
    expect(await translateText(db, provider, titleOf(need))).toEqual({ translated: [], skipped: ['ja', 'en'] });
    expect(translateCalls().length).toBe(before);

    await db.need.update({ where: { id: need.id }, data: { title: 'Нова назва потреби' } });
    const versions = new Map((await translations(need)).map((row) => [row.locale, row.version]));
    expect((await translateText(db, provider, titleOf(need))).translated.sort()).toEqual(['en', 'ja']);
    const rows = await translations(need);
    expect(rows.map((row) => [row.locale, row.text, row.sourceDigest, row.version])).toEqual([
      ['en', '[en-gb] Нова назва потреби', digestOriginal('Нова назва потреби'), versions.get('en')! + 1],
      ['ja', '[ja] Нова назва потреби', digestOriginal('Нова назва потреби'), versions.get('ja')! + 1],
    ]);
  });

  it('reads the original when it runs: an edit after queueing is what gets translated', async () => {
    const need = await ukrainianNeed();
    await db.$transaction((tx) => queueTranslations(tx, [{ ...titleOf(need), text: need.title, language: 'uk' }]));
    await db.need.update({ where: { id: need.id }, data: { title: 'Відредагована назва' } });
    await translateText(db, provider, titleOf(need));
    expect((await translations(need)).map((row) => row.text)).toEqual(['[en-gb] Відредагована назва', '[ja] Відредагована назва']);
  });

  it('stores nothing made from a text edited while the provider was translating it', async () => {
    const need = await ukrainianNeed();
    const editing: MachineProvider = {
      ...provider,
      async translate(request) {
        const text = await provider.translate(request);
        if (request.to === 'ja') await db.need.update({ where: { id: need.id }, data: { title: 'Змінено під час перекладу' } });
        return text;
      },
    };
    const outcome = await translateText(db, editing, titleOf(need));
    expect(outcome.translated).not.toContain('ja');
    expect((await translations(need)).every((row) => row.sourceDigest === digestOriginal('Змінено під час перекладу'))).toBe(true);
  });

  it('does nothing for a text that is gone or empty', async () => {
    const need = await ukrainianNeed();
    await db.need.update({ where: { id: need.id }, data: { description: '' } });
    expect(await translateText(db, provider, { subject: 'NEED', subjectId: need.id, field: 'description' })).toEqual({ translated: [], skipped: [] });
    expect(await translateText(db, provider, { subject: 'NEED', subjectId: '00000000-0000-4000-8000-000000000000', field: 'title' })).toEqual({ translated: [], skipped: [] });
  });
});

describe('the glossary', () => {
  it('is created once at DeepL and its id kept in PostgreSQL, so another instance reuses it', async () => {
    const need = await ukrainianNeed();
    await translateText(db, provider, titleOf(need));
    const created = fake.glossaryCount();
    expect(created).toBeGreaterThan(0);
    const stored = await db.machineGlossary.findMany({ where: { provider: 'deepl' } });
    expect(stored).toHaveLength(1);
    // A second instance: a new client, no memory shared with the first.
    const another = configuredProvider()!;
    expect(await glossaryIdFor(db, another)).toBe(stored[0].glossaryId);
    await translateText(db, another, titleOf(await ukrainianNeed()));
    expect(fake.glossaryCount()).toBe(created);
    const glossaryRequest = fake.requests.find((request) => request.path === '/v3/glossaries')!;
    expect(glossaryRequest.form.getAll('dictionaries[0].source_lang').length).toBe(1);
    expect([...glossaryRequest.form.keys()].filter((key) => key.endsWith('.source_lang'))).toHaveLength(6);
  });

  it('is created once when two instances ask at the same moment, and anew when a catalogue term changes', async () => {
    const catalogues = structuredClone(CATALOGUES);
    (catalogues.uk.sector as Record<string, string>).ENERGY = `${uk.sector.ENERGY} і тепло`;
    const before = fake.glossaryCount();
    const [first, second] = await Promise.all([glossaryIdFor(db, configuredProvider()!, catalogues), glossaryIdFor(db, configuredProvider()!, catalogues)]);
    expect(first).toBe(second);
    expect(fake.glossaryCount()).toBe(before + 1);
    expect(await db.machineGlossary.count({ where: { glossaryId: first! } })).toBe(1);
  });

  it('does not stop translation when DeepL refuses the glossary', async () => {
    await db.machineGlossary.deleteMany();
    fake.refuseGlossaries(true);
    try {
      const need = await ukrainianNeed();
      const before = translateCalls().length;
      expect((await translateText(db, provider, titleOf(need))).translated.sort()).toEqual(['en', 'ja']);
      expect(translateCalls().slice(before).map((call) => call.form.get('glossary_id'))).toEqual([null, null]);
      expect(await db.machineGlossary.count()).toBe(0);
    } finally {
      fake.refuseGlossaries(false);
    }
  });
});

describe('DeepL refusing for load (429)', () => {
  it('fails the job for pg-boss to retry later with back-off, and the retry translates', async () => {
    // Only this test's job waits in the queue.
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${QUEUES.translateText}`;
    const need = await ukrainianNeed();
    await db.$transaction((tx) => queueTranslations(tx, [{ ...titleOf(need), text: need.title, language: 'uk' }]));
    fake.failNext(429);
    const [job] = await boss.fetch<JobData[typeof QUEUES.translateText]>(QUEUES.translateText, { batchSize: 1 });
    expect(job.data).toEqual(titleOf(need));
    const error = await runTranslateJob(db, provider, job.data).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderBusyError);
    await boss.fail(QUEUES.translateText, job.id, { message: (error as Error).message });
    const [retrying] = await jobsFor(need.id);
    expect(retrying).toMatchObject({ state: 'retry', retry_limit: RETRY_LIMIT[QUEUES.translateText] });
    expect(retrying.start_after.getTime()).toBeGreaterThan(Date.now());

    // The wait is pg-boss's; here it is skipped rather than slept through.
    await db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = ${QUEUES.translateText} AND data->>'subjectId' = ${need.id}`;
    const [again] = await boss.fetch<JobData[typeof QUEUES.translateText]>(QUEUES.translateText, { batchSize: 1 });
    expect(again.id).toBe(job.id);
    await runTranslateJob(db, provider, again.data);
    await boss.complete(QUEUES.translateText, again.id);
    expect((await translations(need)).map((row) => row.locale)).toEqual(['en', 'ja']);
  });
});
