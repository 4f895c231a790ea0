import type { Db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { uniqueCorporateNumber, uniqueSuffix } from './sequence';

export type CompanyInput = Prisma.CompanyUncheckedCreateInput;

/** A plausible Osaka SME; every unique column is unique. */
export function buildCompany(overrides: Partial<CompanyInput> = {}): CompanyInput {
  const suffix = uniqueSuffix();
  return {
    legalNameJa: `テスト工業株式会社 ${suffix}`,
    legalNameEn: `Test Industries ${suffix}`,
    corporateNumber: uniqueCorporateNumber(),
    prefectureCode: '27',
    municipalityCode: '271004',
    cityJa: '大阪市',
    cityEn: 'Osaka',
    industry: 'MANUFACTURING_AND_OTHER',
    employees: 120,
    capitalJpy: 80_000_000n,
    sectors: ['ENERGY'],
    capabilities: ['POWER_GENERATORS'],
    riskAppetite: 'POSSIBLE_HOSTILITIES',
    deliveryModes: ['ON_SITE', 'SUPPLY_ONLY'],
    stages: ['RAPID_RECOVERY'],
    experienceCountries: [],
    languages: ['ja', 'en'],
    contactName: 'Test Contact',
    contactEmail: `contact-${suffix}@example.test`,
    ...overrides,
  };
}

export const createCompany = (db: Db, overrides: Partial<CompanyInput> = {}) =>
  db.company.create({ data: buildCompany(overrides) });
