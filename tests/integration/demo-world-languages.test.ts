import { beforeAll, describe, expect, it } from 'vitest';
import { digestOriginal } from '../../lib/content/digest';
import { readForReader } from '../../lib/content/read-for-reader';
import { needTexts } from '../../lib/content/written';
import type { TextTranslation } from '../../lib/generated/prisma/client';
import type { Locale } from '../../lib/generated/prisma/enums';
import { DEMO_COMPANIES } from '../../prisma/seed/demo-companies';
import { DEMO_NEEDS } from '../../prisma/seed/demo-needs';
import { hasDemoWorld, seedDemoWorld } from '../../prisma/seed/demo-world';
import { testDb } from './test-db';

// The demo world speaks all three languages (issue 14): every need as a hromada wrote it, in
// Ukrainian, with a facilitator's Japanese and English; every company's description as it wrote
// it, in Japanese, with its own English and Ukrainian. Seeded as `npm run dev` seeds it.

beforeAll(async () => {
  if (!(await hasDemoWorld(testDb))) await seedDemoWorld(testDb);
});

/** A cheap check that a text is in the script of its language. */
function looksLike(locale: Locale, text: string): boolean {
  const kana = /[\u3040-\u30ff]/.test(text);
  const cyrillic = /[\u0400-\u04ff]/.test(text);
  switch (locale) {
    case 'ja': return kana && !cyrillic;
    // Ukrainian letters and none of the Russian-only ones.
    case 'uk': return /[іїєґІЇЄҐ]/.test(text) && !/[ыэъёЫЭЪЁ]/.test(text) && !kana;
    case 'en': return /[a-z]/i.test(text) && !cyrillic && !kana;
  }
}

async function translationsOf(subject: 'NEED' | 'COMPANY' | 'INTEREST', ids: string[]): Promise<Map<string, TextTranslation>> {
  const rows = await testDb.textTranslation.findMany({ where: { subject, subjectId: { in: ids } } });
  return new Map(rows.map((row) => [`${row.subjectId}:${row.field}:${row.locale}`, row]));
}

describe('demo world in three languages', () => {
  it('the script check tells the three languages apart', () => {
    expect(looksLike('uk', 'Резервні генератори')).toBe(true);
    expect(looksLike('uk', 'Резервные генераторы')).toBe(false);
    expect(looksLike('ja', '給水ポンプ場の発電機')).toBe(true);
    expect(looksLike('ja', 'Generators')).toBe(false);
    expect(looksLike('en', 'Generators for water pumping stations')).toBe(true);
    expect(looksLike('en', 'Генератори')).toBe(false);
  });

  it('every need is written in Ukrainian with a facilitator’s Japanese and English', async () => {
    const needs = await testDb.need.findMany({ where: { isDemo: true } });
    expect(needs).toHaveLength(DEMO_NEEDS.length);
    const translations = await translationsOf('NEED', needs.map((n) => n.id));
    const facilitators = new Set((await testDb.user.findMany({ where: { role: 'FACILITATOR' }, select: { id: true } })).map((u) => u.id));
    for (const need of needs) {
      expect(need.language, need.title).toBe('uk');
      expect(looksLike('uk', need.title + ' ' + need.description), need.title).toBe(true);
      for (const field of ['title', 'description'] as const) {
        for (const locale of ['ja', 'en'] as const) {
          const row = translations.get(`${need.id}:${field}:${locale}`);
          expect(row, `${need.title} ${field} ${locale}`).toBeDefined();
          expect(looksLike(locale, row!.text), row!.text).toBe(true);
          expect(row!).toMatchObject({ origin: 'FACILITATOR', provider: null, sourceDigest: digestOriginal(need[field]) });
          expect(facilitators.has(row!.createdById!)).toBe(true);
        }
      }
    }
    expect(translations.size).toBe(needs.length * 4);
  });

  it('an English reader reads today’s English titles, a Japanese reader the Japanese, the original one click away', async () => {
    const needs = await testDb.need.findMany({ where: { isDemo: true } });
    const demo = DEMO_NEEDS.find((d) => d.title === needs[0].title)!;
    const [title] = await readForReader(testDb, needTexts(needs[0]), 'en');
    expect(title).toEqual({
      text: demo.translations.en.title, language: 'en',
      original: { text: demo.title, language: 'uk' },
      translation: { origin: 'FACILITATOR', provider: null, outdated: false },
    });
    const english = await readForReader(testDb, needs.flatMap(needTexts), 'en');
    expect(english.filter((r) => r.language === 'en')).toHaveLength(needs.length * 2);
    expect(english.map((r) => r.text)).toContain('Generators for water pumping stations');
    const japanese = await readForReader(testDb, needs.flatMap(needTexts), 'ja');
    expect(japanese.every((r) => r.language === 'ja' && looksLike('ja', r.text))).toBe(true);
  });

  it('every company describes itself in Japanese, with its own English and Ukrainian', async () => {
    const companies = await testDb.company.findMany({ where: { isDemo: true }, include: { users: { select: { id: true } } } });
    expect(companies).toHaveLength(DEMO_COMPANIES.length);
    const translations = await translationsOf('COMPANY', companies.map((c) => c.id));
    for (const company of companies) {
      expect(company.descriptionLanguage, company.legalNameEn).toBe('ja');
      expect(looksLike('ja', company.description), company.description).toBe(true);
      for (const locale of ['en', 'uk'] as const) {
        const row = translations.get(`${company.id}:description:${locale}`);
        expect(row, `${company.legalNameEn} ${locale}`).toBeDefined();
        expect(looksLike(locale, row!.text), row!.text).toBe(true);
        expect(row!).toMatchObject({ origin: 'AUTHOR', provider: null, sourceDigest: digestOriginal(company.description) });
        // The author's translation is made by a member of the company.
        expect(company.users.map((u) => u.id)).toContain(row!.createdById);
      }
    }
    expect(translations.size).toBe(companies.length * 2);
    expect([...translations.values()].map((r) => r.text)).toContain('Mobile water purification units of the kind Yokohama sent to its sister city Odesa.');
  });

  it('the companies’ interest notes are in Japanese with their own translations', async () => {
    const interests = await testDb.interest.findMany({ where: { company: { isDemo: true }, need: { isDemo: true } } });
    expect(interests.length).toBeGreaterThan(0);
    const translations = await translationsOf('INTEREST', interests.map((i) => i.id));
    for (const interest of interests) {
      expect(interest.noteLanguage).toBe('ja');
      expect(looksLike('ja', interest.note), interest.note).toBe(true);
      for (const locale of ['en', 'uk'] as const) {
        const row = translations.get(`${interest.id}:note:${locale}`);
        expect(row, `${interest.note} ${locale}`).toBeDefined();
        expect(looksLike(locale, row!.text), row!.text).toBe(true);
        expect(row!.origin).toBe('AUTHOR');
      }
    }
  });
});
