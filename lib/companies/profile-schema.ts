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

// What a company representative may change about their company. The identity the facilitators
// verified (legal names, corporate number) and the verification itself are not here: the
// strict object refuses them.

const text = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' });
const required = (max: number) => text(max).min(1, { error: 'validation.required' });
/**
 * The municipality picked from the official list (全国地方公共団体コード, 6 digits). It must lie in
 * the chosen prefecture (its first two digits); the server also checks it is on the list.
 */
export const municipalityCodeField = z.string({ error: 'validation.choose' }).regex(/^\d{6}$/, { error: 'validation.choose' });
export const municipalityInPrefecture = (value: { prefectureCode: string; municipalityCode: string }) =>
  value.municipalityCode.slice(0, 2) === value.prefectureCode;
const MUNICIPALITY_IN_PREFECTURE = { error: 'validation.municipalityInPrefecture', path: ['municipalityCode'] };

const distinct = <T extends z.ZodType>(item: T) => z.array(item).refine((values) => new Set(values).size === values.length, { error: 'validation.duplicate' });

export const companyProfileSchema = z
  .object({
    prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, { error: 'validation.choose' }),
    municipalityCode: municipalityCodeField,
    cityJa: required(100),
    cityEn: required(100),
    industry: z.enum(SmeIndustry, { error: 'validation.choose' }),
    employees: z.coerce.number({ error: 'validation.number' }).int({ error: 'validation.number' }).min(1, { error: 'validation.tooSmall' }).max(1_000_000, { error: 'validation.tooLarge' }),
    capitalJpy: z.coerce.number({ error: 'validation.number' }).int({ error: 'validation.number' }).min(0, { error: 'validation.tooSmall' }).max(1e15, { error: 'validation.tooLarge' }),
    descriptionJa: text(4000),
    descriptionEn: text(4000),
    sectors: distinct(z.enum(SectorCode)).min(1, { error: 'validation.chooseAtLeastOne' }),
    capabilities: distinct(z.enum(Capability)),
    riskAppetite: z.enum(RiskAppetite, { error: 'validation.choose' }),
    deliveryModes: distinct(z.enum(DeliveryMode)).min(1, { error: 'validation.chooseAtLeastOne' }),
    stages: distinct(z.enum(Stage)).min(1, { error: 'validation.chooseAtLeastOne' }),
    tenderRequirement: z.enum(TenderRequirement, { error: 'validation.choose' }),
    maxProjectEur: z.coerce.number({ error: 'validation.number' }).int().min(1, { error: 'validation.tooSmall' }).max(1e12, { error: 'validation.tooLarge' }).nullable(),
    experienceCountries: distinct(z.string().regex(/^[A-Z]{2}$/, { error: 'validation.country' })).max(50),
    hasDisasterReconstructionExperience: z.boolean(),
    languages: distinct(z.enum(Locale)).min(1, { error: 'validation.chooseAtLeastOne' }),
    contactName: required(120),
    contactEmail: z.email({ error: 'validation.email' }).max(254),
    contactPhone: text(40).nullable(),
    website: z.url({ protocol: /^https?$/, error: 'validation.url' }).max(300).nullable(),
  })
  .strict()
  .refine(municipalityInPrefecture, MUNICIPALITY_IN_PREFECTURE);
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

export const updateCompanyProfileSchema = z
  .object({
    companyId: z.uuid(),
    /** The version the form was loaded with: a colleague's save in between is a conflict. */
    expectedVersion: z.number().int().min(0),
    profile: companyProfileSchema,
  })
  .strict();
