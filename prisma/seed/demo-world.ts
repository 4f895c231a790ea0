import { hash } from '@node-rs/argon2';
import type { Db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { withCheckDigit } from '../../lib/companies/corporate-number';
import { buildCompany } from '../../tests/factories/company';
import { buildMunicipality } from '../../tests/factories/municipality';
import { buildNeed } from '../../tests/factories/need';
import { DEMO_COMPANIES, DEMO_MARK_EN, DEMO_MARK_JA } from './demo-companies';
import { DEMO_HROMADAS, DEMO_NEEDS, type DemoHromada } from './demo-needs';
import { translationsOf } from './demo-translations';

// The demo world that `npm run dev` shows on first run. It is seeded once (a database that
// already holds demo companies is left alone) and in one transaction, so a failed seed leaves
// nothing behind. Its texts are in all three languages: each need as its hromada wrote it in
// Ukrainian, translated by the demo facilitators; each company's description and notes as it
// wrote them in Japanese, with its own English and Ukrainian (TextTranslation rows).

export const DEMO_PASSWORD = 'kakehashi-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.kakehashi.example';

export type DemoAccount = { email: string; role: string; who: string };

/** Companies that are still waiting for verification, to show that state in the demo. */
const UNVERIFIED_COMPANIES = new Set([9, 22]);

const demoEmail = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

export function listDemoAccounts(): DemoAccount[] {
  return [
    { email: demoEmail('admin'), role: 'ADMIN', who: 'Platform administrator' },
    { email: demoEmail('facilitator'), role: 'FACILITATOR', who: 'Facilitator (Japanese)' },
    { email: demoEmail('facilitator-uk'), role: 'FACILITATOR', who: 'Facilitator (Ukrainian)' },
    { email: demoEmail('company-01'), role: 'COMPANY_REP', who: DEMO_COMPANIES[0].legalNameEn },
    { email: demoEmail('company-05'), role: 'COMPANY_REP', who: DEMO_COMPANIES[4].legalNameEn },
    { email: demoEmail('hromada-kyiv'), role: 'MUNICIPALITY_REP', who: 'Kyiv city' },
    { email: demoEmail('hromada-kharkiv'), role: 'MUNICIPALITY_REP', who: 'Kharkiv hromada' },
  ];
}

export async function hasDemoWorld(db: Db): Promise<boolean> {
  return (await db.company.count({ where: { isDemo: true } })) > 0;
}

/** Interests the demo companies registered (by index), in Japanese with their own translations. */
const DEMO_INTERESTS: { company: number; need: string; note: string; translations: { en: string; uk: string } }[] = [
  {
    company: 4, need: 'Mobile water purification',
    note: '横浜市とオデーサ市の姉妹都市交流を通じて、当社の装置はすでにオデーサで稼働しています。',
    translations: { en: 'Our units are already in Odesa through the Yokohama–Odesa partnership.', uk: 'Наші установки вже працюють в Одесі завдяки партнерству Йокогами та Одеси.' },
  },
  {
    company: 0, need: 'Mobile generators for water',
    note: '6週間以内に10台を出荷できます。',
    translations: { en: 'We can ship ten units within six weeks.', uk: 'Можемо відвантажити десять агрегатів протягом шести тижнів.' },
  },
  {
    company: 2, need: 'Clearance of agricultural land',
    note: 'カンボジアでの現場経験があり、地元チームの育成もお引き受けできます。',
    translations: { en: 'Cambodian field experience; we can train local teams.', uk: 'Маємо польовий досвід у Камбоджі; можемо навчити місцеві команди.' },
  },
  {
    company: 1, need: 'Temporary bridge on the Kyiv road',
    note: '72時間で架設します。当社の作業班が現地に入ります。',
    translations: { en: '72-hour erection, crew on site.', uk: 'Монтаж за 72 години, наша бригада працюватиме на місці.' },
  },
];

export async function seedDemoWorld(db: Db): Promise<{ companies: number; needs: number; users: number }> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const translations: Prisma.TextTranslationCreateManyInput[] = [];
      const companies: { id: string; userId: string }[] = [];
      for (const [index, demo] of DEMO_COMPANIES.entries()) {
        const number = String(index + 1).padStart(2, '0');
        const { capitalMillionJpy, translations: own, ...fields } = demo;
        const company = await tx.company.create({
          data: buildCompany({
            ...fields,
            legalNameJa: `${demo.legalNameJa}${DEMO_MARK_JA}`,
            legalNameEn: `${demo.legalNameEn}${DEMO_MARK_EN}`,
            // Fictional numbers in a range no real corporation holds (base 99 0000 000 0NN).
            corporateNumber: withCheckDigit(`99000000${number.padStart(4, '0')}`),
            capitalJpy: BigInt(capitalMillionJpy) * 1_000_000n,
            languages: index % 3 === 0 ? ['ja', 'en', 'uk'] : ['ja', 'en'],
            contactName: `Demo contact ${number}`,
            contactEmail: demoEmail(`company-${number}`),
            verificationStatus: UNVERIFIED_COMPANIES.has(index) ? 'UNVERIFIED' : 'VERIFIED',
            verifiedAt: UNVERIFIED_COMPANIES.has(index) ? null : new Date(),
            isDemo: true,
          }),
        });
        const user = await tx.user.create({
          data: {
            email: demoEmail(`company-${number}`), name: `Demo contact ${number}`,
            passwordHash, role: 'COMPANY_REP', locale: 'ja', companyId: company.id,
          },
        });
        companies.push({ id: company.id, userId: user.id });
        translations.push(...translationsOf(
          { subject: 'COMPANY', subjectId: company.id, origin: 'AUTHOR', createdById: user.id },
          { description: company.description },
          { en: { description: own.en }, uk: { description: own.uk } },
        ));
      }

      const municipalities = new Map<DemoHromada, { id: string; hromadaCode: string }>();
      for (const [key, hromadaCode] of Object.entries(DEMO_HROMADAS) as [DemoHromada, string][]) {
        const municipality = await tx.municipality.create({
          data: buildMunicipality(hromadaCode, {
            contactName: `Demo reconstruction officer (${key})`,
            contactEmail: demoEmail(`hromada-${key}`),
            verificationStatus: key === 'okhtyrka' ? 'UNVERIFIED' : 'VERIFIED',
            verifiedAt: key === 'okhtyrka' ? null : new Date(),
            isDemo: true,
          }),
        });
        municipalities.set(key, municipality);
        await tx.user.create({
          data: {
            email: demoEmail(`hromada-${key}`), name: `Demo officer (${key})`,
            passwordHash, role: 'MUNICIPALITY_REP', locale: 'uk', municipalityId: municipality.id,
          },
        });
      }

      const staff = async (local: string, name: string, locale: 'ja' | 'uk') =>
        (await tx.user.create({ data: { email: demoEmail(local), name, passwordHash, role: 'FACILITATOR', locale } })).id;
      // The facilitators who translated the needs: 山田 into Japanese, Олена into English.
      const translator = { ja: await staff('facilitator', 'Demo facilitator 山田', 'ja'), en: await staff('facilitator-uk', 'Demo facilitator Олена', 'uk') };
      const needs: { id: string; englishTitle: string }[] = [];
      for (const { at, budget, translations: translated, ...fields } of DEMO_NEEDS) {
        const municipality = municipalities.get(at)!;
        const row = await tx.need.create({
          data: buildNeed(municipality, {
            status: 'OPEN',
            publishedAt: new Date(),
            // Only the tender its procurement method names (not the factory's Prozorro default).
            prozorroTenderId: null,
            dreamProjectId: null,
            ...fields,
            budgetAmount: budget === undefined ? null : String(budget),
            isDemo: true,
          }),
        });
        needs.push({ id: row.id, englishTitle: translated.en.title });
        for (const locale of ['ja', 'en'] as const) {
          translations.push(...translationsOf(
            { subject: 'NEED', subjectId: row.id, origin: 'FACILITATOR', createdById: translator[locale] },
            { title: row.title, description: row.description },
            { [locale]: translated[locale] },
          ));
        }
      }

      await tx.user.create({ data: { email: demoEmail('admin'), name: 'Demo administrator', passwordHash, role: 'ADMIN', locale: 'en' } });

      // A few registered interests, so that reciprocal interest shows in the demo.
      const byTitle = (start: string) => needs.find((n) => n.englishTitle.startsWith(start))!;
      for (const { company: companyIndex, need, note, translations: own } of DEMO_INTERESTS) {
        const company = companies[companyIndex];
        const interest = await tx.interest.create({
          data: {
            companyId: company.id, needId: byTitle(need).id, direction: 'COMPANY_INTEREST',
            note, noteLanguage: 'ja', createdById: company.userId,
          },
        });
        translations.push(...translationsOf(
          { subject: 'INTEREST', subjectId: interest.id, origin: 'AUTHOR', createdById: company.userId },
          { note },
          { en: { note: own.en }, uk: { note: own.uk } },
        ));
      }

      await tx.textTranslation.createMany({ data: translations });

      return { companies: companies.length, needs: needs.length, users: companies.length + municipalities.size + 3 };
    },
    { timeout: 120_000 },
  );
}
