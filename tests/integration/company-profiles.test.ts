import { afterAll, describe, expect, it } from 'vitest';
import { Capability, DeliveryMode, SectorCode, Stage } from '../../lib/generated/prisma/enums';
import { Prisma } from '../../lib/generated/prisma/client';
import { prepareCompany } from '../../lib/matching/prepare';
import { poolOf } from '../../lib/db';
import { candidateFromRow, loadCompanyProfiles, PROFILE_COLUMNS_AFTER_ID_OF_P, syncCompanyProfiles } from '../../lib/match-store/profiles';
import { SCORING_COLUMNS_AFTER_ID_OF_P, scoringCandidateFromRow } from '../../lib/match-store/scoring-profile';
import { SME_THRESHOLDS } from '../../lib/companies/sme';
import { RiskAppetite, SmeIndustry, TenderRequirement } from '../../lib/generated/prisma/enums';
import { createCompany as createAnyCompany, type CompanyInput } from '../factories/company';
import { testDb } from './test-db';

// The ranking profile encodes sets as bit masks computed in SQL from enum positions; the engine
// decodes them with the generated enums. These must agree for every value.

const sorted = (values: readonly string[]) => [...values].sort();

// The files share one database. Companies made here are verified, some in every sector with every
// capability, Kansai and experienced: left eligible, they would outrank other files' companies in
// whatever they rank next (journey-reads' policy preview, notifications). They leave the ranking
// with the file.
const made: string[] = [];
const createCompany = async (db: typeof testDb, overrides: Partial<CompanyInput>) => {
  const company = await createAnyCompany(db, overrides);
  made.push(company.id);
  return company;
};
afterAll(async () => {
  await testDb.company.updateMany({ where: { id: { in: made } }, data: { verificationStatus: 'REJECTED' } });
  await syncCompanyProfiles(testDb, Prisma.sql`c.id = ANY(${made}::uuid[])`);
  const stillEligible = await testDb.companyMatchProfile.count({ where: { companyId: { in: made }, isEligible: true } });
  if (stillEligible > 0) throw new Error(`${stillEligible} of this file's companies still rank`);
});

describe('company ranking profiles', () => {
  it('round-trip every sector, capability, delivery mode and stage', async () => {
    const all = await createCompany(testDb, {
      verificationStatus: 'VERIFIED',
      sectors: Object.values(SectorCode),
      capabilities: Object.values(Capability),
      deliveryModes: Object.values(DeliveryMode),
      stages: Object.values(Stage),
      experienceCountries: ['KH', 'BA'],
    });
    const some = await createCompany(testDb, {
      verificationStatus: 'VERIFIED', sectors: ['HEALTH'], capabilities: ['TELEMEDICINE', 'PROJECT_MANAGEMENT'],
      deliveryModes: ['TRAINING_IN_JAPAN'], stages: ['RECONSTRUCTION'],
    });
    await syncCompanyProfiles(testDb, Prisma.sql`c.id = ANY(${[all.id, some.id]}::uuid[])`);
    const profiles = new Map((await loadCompanyProfiles(testDb, [all.id, some.id])).map((p) => [p.id, p]));
    for (const company of [all, some]) {
      const profile = profiles.get(company.id)!;
      expect(sorted(profile.sectors)).toEqual(sorted(company.sectors));
      expect(sorted(profile.capabilities)).toEqual(sorted(company.capabilities));
      expect(sorted(profile.deliveryModes)).toEqual(sorted(company.deliveryModes));
      expect(sorted(profile.stages)).toEqual(sorted(company.stages));
      expect(profile).toMatchObject({ riskAppetite: company.riskAppetite, cityEn: company.cityEn, region: 'KANSAI', isSme: true });
    }
    expect(profiles.get(all.id)!.experienceCountries).toEqual(['KH', 'BA']);
  });

  it('prepare for scoring straight from the row exactly as prepareCompany does from the decoded company', async () => {
    const companies = await Promise.all([
      createCompany(testDb, {
        verificationStatus: 'VERIFIED', sectors: Object.values(SectorCode), capabilities: Object.values(Capability),
        deliveryModes: Object.values(DeliveryMode), stages: Object.values(Stage), experienceCountries: ['KH', 'BA', 'TL', 'FR'],
      }),
      createCompany(testDb, {
        verificationStatus: 'VERIFIED', sectors: ['HEALTH'], capabilities: ['TELEMEDICINE'], deliveryModes: ['ON_SITE'],
        stages: ['RECONSTRUCTION'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', maxProjectEur: 2_500_000, tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT',
      }),
      createCompany(testDb, { verificationStatus: 'VERIFIED', capitalJpy: 900_000_000n, employees: 1200, deliveryModes: ['REMOTE_SUPPORT'] }),
    ]);
    const ids = companies.map((c) => c.id);
    await syncCompanyProfiles(testDb, Prisma.sql`c.id = ANY(${ids}::uuid[])`);
    // As a need's re-rank reads them: beside the stored row's columns, the id from the joined table, in array mode.
    const { rows } = await poolOf(testDb).query<unknown[]>({
      text: `SELECT 1, 2, c.id, ${PROFILE_COLUMNS_AFTER_ID_OF_P} FROM "Company" c JOIN "CompanyMatchProfile" p ON p."companyId" = c.id
        WHERE c.id = ANY($1::uuid[])`, values: [ids], rowMode: 'array',
    });
    const decoded = new Map((await loadCompanyProfiles(testDb, ids)).map((c) => [c.id, c]));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const candidate = candidateFromRow(row, 2);
      const company = decoded.get(candidate.id)!;
      const { company: expectedCompany, ...expected } = prepareCompany(company);
      expect({ ...candidate.prepared }).toEqual(expected);
      expect(candidate.prepared.company).toEqual(expectedCompany);
      expect(candidate.matchFloor).toBe(company.matchFloor);
    }
  });

  it('prepare for scoring from the need re-rank’s narrow row exactly as prepareCompany does from the whole profile', async () => {
    // Every risk appetite and tender requirement (their positions), each industry's SME limits on
    // both sides of each threshold, Kansai and elsewhere, with and without a capacity of its own.
    const appetites = Object.values(RiskAppetite);
    const tenders = Object.values(TenderRequirement);
    const sizes = Object.values(SmeIndustry).flatMap((industry) => {
      const { capitalJpy, employees } = SME_THRESHOLDS[industry];
      return [[capitalJpy, employees], [capitalJpy, employees + 1], [capitalJpy + 1n, employees], [capitalJpy + 1n, employees + 1]]
        .map(([capital, staff]) => ({ industry, capitalJpy: capital as bigint, employees: staff as number }));
    });
    const companies = await Promise.all(sizes.map((size, i) => createCompany(testDb, {
      verificationStatus: 'VERIFIED', ...size, riskAppetite: appetites[i % appetites.length], tenderRequirement: tenders[i % tenders.length],
      prefectureCode: i % 2 === 0 ? '27' : '13', municipalityCode: i % 2 === 0 ? '271004' : null, maxProjectEur: i % 3 === 0 ? 1_500_000 : null,
      deliveryModes: i % 2 === 0 ? ['REMOTE_SUPPORT'] : ['ON_SITE'],
      // Mine-contaminated (and so post-conflict too), post-conflict only, neither, none named.
      experienceCountries: [['KH', 'TL'], ['TL'], ['US'], []][i % 4],
      stages: [['RAPID_RECOVERY'], ['RECONSTRUCTION'], ['RAPID_RECOVERY', 'RECONSTRUCTION']][i % 3] as ('RAPID_RECOVERY' | 'RECONSTRUCTION')[],
    })));
    const ids = companies.map((c) => c.id);
    // The column is nullable: a list never written reads as none named.
    await testDb.$executeRaw`UPDATE "Company" SET "experienceCountries" = NULL WHERE id = ${ids[3]}::uuid`;
    await syncCompanyProfiles(testDb, Prisma.sql`c.id = ANY(${ids}::uuid[])`);
    const { rows } = await poolOf(testDb).query<unknown[]>({
      text: `SELECT 1, 2, c.id, ${SCORING_COLUMNS_AFTER_ID_OF_P} FROM "Company" c JOIN "CompanyMatchProfile" p ON p."companyId" = c.id
        WHERE c.id = ANY($1::uuid[])`, values: [ids], rowMode: 'array',
    });
    const decoded = new Map((await loadCompanyProfiles(testDb, ids)).map((c) => [c.id, c]));
    expect(rows).toHaveLength(sizes.length);
    expect(new Set([...decoded.values()].map((c) => c.isSme))).toEqual(new Set([true, false]));
    for (const row of rows) {
      const candidate = scoringCandidateFromRow(row, 2);
      const company = decoded.get(candidate.id)!;
      const expected: Partial<ReturnType<typeof prepareCompany>> = prepareCompany(company);
      delete expected.company;
      // Only an explanation names the countries (scoring reads whether there are any, below).
      expect(candidate.prepared.hasMineActionExperience).toBe(expected.mineActionCountries!.length > 0);
      expect(candidate.prepared.hasPostConflictExperience).toBe(expected.postConflictCountries!.length > 0);
      expected.mineActionCountries = [];
      expected.postConflictCountries = [];
      expect({ ...candidate.prepared }).toEqual(expected);
      expect(candidate.matchFloor).toBe(company.matchFloor);
    }
  });

  it('are scanned by one process per statement (a re-rank’s candidate read loses more starting workers than it gains)', async () => {
    const [table] = await testDb.$queryRaw<{ reloptions: string[] | null }[]>`
      SELECT reloptions FROM pg_class WHERE oid = '"CompanyMatchProfile"'::regclass`;
    expect(table.reloptions).toContain('parallel_workers=0');
  });

  it('follow a company’s change and leave unverified companies out of ranking', async () => {
    const company = await createCompany(testDb, { verificationStatus: 'VERIFIED' });
    await syncCompanyProfiles(testDb, Prisma.sql`c.id = ${company.id}::uuid`);
    await testDb.company.update({ where: { id: company.id }, data: { verificationStatus: 'REJECTED', capabilities: ['IRRIGATION'] } });
    await syncCompanyProfiles(testDb, Prisma.sql`c.id = ${company.id}::uuid`);
    expect(await loadCompanyProfiles(testDb, [company.id])).toEqual([]);
    const profile = await testDb.companyMatchProfile.findUniqueOrThrow({ where: { companyId: company.id } });
    expect(profile.isEligible).toBe(false);
  });
  it('are not rewritten when the company did not change (a rebuild syncs every company)', async () => {
    const company = await createCompany(testDb, { verificationStatus: 'VERIFIED' });
    const where = Prisma.sql`c.id = ${company.id}::uuid`;
    const version = async () =>
      (await testDb.$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM "CompanyMatchProfile" WHERE "companyId" = ${company.id}::uuid`)[0].xmin;
    expect(await syncCompanyProfiles(testDb, where)).toBe(1);
    const written = await version();
    expect(await syncCompanyProfiles(testDb, where)).toBe(0);
    expect(await version()).toBe(written);
    await testDb.company.update({ where: { id: company.id }, data: { employees: { increment: 1 } } });
    expect(await syncCompanyProfiles(testDb, where)).toBe(1);
  });
  it('are not even locked when the company did not change, so a rebuild’s sync never waits on a held profile', async () => {
    // A rebuild syncs every company; a re-rank may hold a profile row meanwhile (write.ts
    // lockListOwners), and a company's edit syncs its own in the edit's transaction.
    const [unchanged, changed] = [await createCompany(testDb, { verificationStatus: 'VERIFIED' }), await createCompany(testDb, { verificationStatus: 'VERIFIED' })];
    const both = Prisma.sql`c.id IN (${unchanged.id}::uuid, ${changed.id}::uuid)`;
    await syncCompanyProfiles(testDb, both);
    await testDb.company.update({ where: { id: changed.id }, data: { employees: { increment: 1 } } });
    const holder = await poolOf(testDb).connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM "CompanyMatchProfile" WHERE "companyId" = $1 FOR NO KEY UPDATE`, [unchanged.id]);
      const synced = await testDb.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL lock_timeout = '2s'`;
        return syncCompanyProfiles(tx, both, { skipUnchanged: true });
      });
      expect(synced).toBe(1);
      expect((await testDb.companyMatchProfile.findUniqueOrThrow({ where: { companyId: changed.id } })).employees).toBe(changed.employees! + 1);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });
});
