import { z } from 'zod';
import {
  Capability,
  DeliveryMode,
  Locale,
  RiskAppetite,
  SectorCode,
  SmeIndustry,
  Stage,
  TenderRequirement,
} from '../generated/prisma/enums';
import { limit, wholeNumber } from '../validation-message';

// What a company representative may change about their company. The identity the facilitators
// verified (legal names, corporate number) and the verification itself are not here: the
// strict object refuses them.

/** The longest company description, and so the longest translation of one. */
export const COMPANY_DESCRIPTION_MAX = 4000;

const text = (max: number) => z.string().trim().max(max, limit('validation.tooLong'));
const required = (max: number) => text(max).min(1, { error: 'validation.required' });
/**
 * The municipality picked from the official list (全国地方公共団体コード, 6 digits). It must lie in
 * the chosen prefecture (its first two digits); the server also checks it is on the list.
 */
export const municipalityCodeField = z.string({ error: 'validation.choose' }).regex(/^\d{6}$/, { error: 'validation.choose' });
export const municipalityInPrefecture = (value: { prefectureCode: string; municipalityCode: string }) =>
  value.municipalityCode.slice(0, 2) === value.prefectureCode;
const MUNICIPALITY_IN_PREFECTURE = { error: 'validation.municipalityInPrefecture', path: ['municipalityCode'] };

/** Staff and capital as the SME test (中小企業基本法) reads them; shared with the sign-up form. */
export const employeesField = wholeNumber(1, 1_000_000);
export const capitalJpyField = wholeNumber(0, 1e15);

const distinct = <T extends z.ZodType>(item: T) => z.array(item).refine((values) => new Set(values).size === values.length, { error: 'validation.duplicate' });

export const companyProfileSchema = z
  .object({
    prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, { error: 'validation.choose' }),
    municipalityCode: municipalityCodeField,
    cityJa: required(100),
    cityEn: required(100),
    industry: z.enum(SmeIndustry, { error: 'validation.choose' }),
    employees: employeesField,
    capitalJpy: capitalJpyField,
    description: text(COMPANY_DESCRIPTION_MAX),
    /** The language the description is written in: translations are added apart from it. */
    descriptionLanguage: z.enum(Locale, { error: 'validation.choose' }),
    sectors: distinct(z.enum(SectorCode)).min(1, { error: 'validation.chooseAtLeastOne' }),
    capabilities: distinct(z.enum(Capability)),
    riskAppetite: z.enum(RiskAppetite, { error: 'validation.choose' }),
    deliveryModes: distinct(z.enum(DeliveryMode)).min(1, { error: 'validation.chooseAtLeastOne' }),
    stages: distinct(z.enum(Stage)).min(1, { error: 'validation.chooseAtLeastOne' }),
    tenderRequirement: z.enum(TenderRequirement, { error: 'validation.choose' }),
    maxProjectEur: wholeNumber(1, 1e12).nullable(),
    experienceCountries: distinct(z.string().regex(/^[A-Z]{2}$/, { error: 'validation.country' })).max(50, limit('validation.tooMany')),
    hasDisasterReconstructionExperience: z.boolean(),
    languages: distinct(z.enum(Locale)).min(1, { error: 'validation.chooseAtLeastOne' }),
    contactName: required(120),
    contactEmail: z.email({ error: 'validation.email' }).max(254, limit('validation.tooLong')),
    contactPhone: text(40).nullable(),
    website: z.url({ protocol: /^https?$/, error: 'validation.url' }).max(300, limit('validation.tooLong')).nullable(),
  })
  .strict()
  .refine(municipalityInPrefecture, MUNICIPALITY_IN_PREFECTURE);
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

export const updateCompanyProfileSchema = z
  .object({
    companyId: z.uuid(),
    /** The version the form was loaded with: a colleague's save in between is a conflict. */
    expectedVersion: z.int32().min(0),
    profile: companyProfileSchema,
  })
  .strict();
