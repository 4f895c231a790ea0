import { uniqueCorporateNumber, uniqueSuffix } from './sequence';

// Inputs that pass the shared schemas, shaped exactly as the forms submit them.

export const validSignUpCompany = (overrides: Record<string, unknown> = {}) => ({
  name: 'Hanako Yamada',
  email: `signup-${uniqueSuffix()}@example.test`,
  password: 'a long enough passphrase',
  locale: 'ja',
  company: {
    legalNameJa: `テスト発電株式会社 ${uniqueSuffix()}`,
    legalNameEn: `Test Power ${uniqueSuffix()}`,
    corporateNumber: uniqueCorporateNumber(),
    prefectureCode: '27',
    municipalityCode: '271004',
    cityJa: '大阪市',
    cityEn: 'Osaka',
    industry: 'MANUFACTURING_AND_OTHER',
    employees: 85,
    capitalJpy: 50_000_000,
    riskAppetite: 'POSSIBLE_HOSTILITIES',
  },
  ...overrides,
});

export const validSignUpMunicipality = (hromadaCode: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Olena Kovalenko',
  email: `hromada-${uniqueSuffix()}@example.test`,
  password: 'a long enough passphrase',
  locale: 'uk',
  hromadaCode,
  ...overrides,
});

export const validCompanyProfile = (overrides: Record<string, unknown> = {}) => ({
  prefectureCode: '27',
  municipalityCode: '271004',
  cityJa: '大阪市',
  cityEn: 'Osaka',
  industry: 'MANUFACTURING_AND_OTHER',
  employees: 90,
  capitalJpy: 60_000_000,
  descriptionJa: '非常用発電機の製造',
  descriptionEn: 'Maker of emergency generators',
  sectors: ['ENERGY'],
  capabilities: ['POWER_GENERATORS'],
  riskAppetite: 'POSSIBLE_HOSTILITIES',
  deliveryModes: ['ON_SITE', 'SUPPLY_ONLY'],
  stages: ['RAPID_RECOVERY'],
  tenderRequirement: 'TRANSPARENT_TENDER',
  maxProjectEur: 2_000_000,
  experienceCountries: ['KH'],
  hasDisasterReconstructionExperience: true,
  languages: ['ja', 'en'],
  contactName: 'Taro Suzuki',
  contactEmail: 'taro@example.test',
  contactPhone: null,
  website: 'https://example.test',
  ...overrides,
});

export const validNeed = (overrides: Record<string, unknown> = {}) => ({
  title: 'Generators for the district heating plant',
  description: 'Two 500 kW generators to keep the heating plant running through power cuts.',
  language: 'en',
  sector: 'ENERGY',
  stage: 'RAPID_RECOVERY',
  urgency: 'HIGH',
  budgetAmount: 400000,
  budgetCurrency: 'EUR',
  fundingSource: 'DONOR_GRANT',
  procurementMethod: 'PROZORRO',
  prozorroTenderId: 'UA-2026-01-15-004321-a',
  dreamProjectId: null,
  requiredCapabilities: ['POWER_GENERATORS'],
  ...overrides,
});
