import { hash } from '@node-rs/argon2';
import type { Db } from '../../lib/db';
import { withCheckDigit } from '../../lib/companies/corporate-number';
import { buildCompany } from '../../tests/factories/company';
import { buildMunicipality } from '../../tests/factories/municipality';
import { buildNeed } from '../../tests/factories/need';
import { DEMO_COMPANIES, DEMO_MARK_EN, DEMO_MARK_JA } from './demo-companies';
import { DEMO_HROMADAS, DEMO_NEEDS, type DemoHromada } from './demo-needs';

// The demo world that `npm run dev` shows on first run. It is seeded once (a database that
// already holds demo companies is left alone) and in one transaction, so a failed seed leaves
// nothing behind.

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

export async function seedDemoWorld(db: Db): Promise<{ companies: number; needs: number; users: number }> {
  const passwordHash = await hash(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const companies: { id: string }[] = [];
      for (const [index, demo] of DEMO_COMPANIES.entries()) {
        const number = String(index + 1).padStart(2, '0');
        const { capitalMillionJpy, translations, ...fields } = demo;
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
        companies.push(company);
        await tx.user.create({
          data: {
            email: demoEmail(`company-${number}`), name: `Demo contact ${number}`,
            passwordHash, role: 'COMPANY_REP', locale: 'ja', companyId: company.id,
          },
        });
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

      const needs: { id: string; englishTitle: string }[] = [];
      for (const { at, budget, language, translations, ...fields } of DEMO_NEEDS) {
        const municipality = municipalities.get(at)!;
        const row = await tx.need.create({
          data: buildNeed(municipality, {
            status: 'OPEN',
            publishedAt: new Date(),
            ...fields,
            budgetAmount: budget === undefined ? null : String(budget),
            isDemo: true,
          }),
        });
        needs.push({ id: row.id, englishTitle: translations.en.title });
      }

      await tx.user.createMany({
        data: [
          { email: demoEmail('admin'), name: 'Demo administrator', passwordHash, role: 'ADMIN', locale: 'en' },
          { email: demoEmail('facilitator'), name: 'Demo facilitator 山田', passwordHash, role: 'FACILITATOR', locale: 'ja' },
          { email: demoEmail('facilitator-uk'), name: 'Demo facilitator Олена', passwordHash, role: 'FACILITATOR', locale: 'uk' },
        ],
      });

      // A few registered interests, so that reciprocal interest shows in the demo.
      const byTitle = (start: string) => needs.find((n) => n.englishTitle.startsWith(start))!;
      const interests: [number, string, string][] = [
        [4, 'Mobile water purification', 'Our units are already in Odesa through the Yokohama–Odesa partnership.'],
        [0, 'Mobile generators for water', 'We can ship ten units within six weeks.'],
        [2, 'Clearance of agricultural land', 'Cambodian field experience; we can train local teams.'],
        [1, 'Temporary bridge on the Kyiv road', '72-hour erection, crew on site.'],
      ];
      await tx.interest.createMany({
        data: interests.map(([companyIndex, title, note]) => ({
          companyId: companies[companyIndex].id, needId: byTitle(title).id,
          direction: 'COMPANY_INTEREST' as const, note,
        })),
      });

      return { companies: companies.length, needs: needs.length, users: companies.length + municipalities.size + 3 };
    },
    { timeout: 120_000 },
  );
}
