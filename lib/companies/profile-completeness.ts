import type { CompanyProfile } from './profile-schema';

// The company profile in the sections a person fills it in, and what makes it complete. One
// definition for the form (its sections and meter) and for anything that asks "what is left"
// (the company's to-do list): pure, so both the browser and the server run it.

export type ProfileField = keyof CompanyProfile;

export const PROFILE_SECTIONS = [
  { id: 'organisation', fields: ['industry', 'employees', 'capitalJpy', 'languages'] },
  { id: 'sectors', fields: ['sectors', 'capabilities', 'description', 'descriptionLanguage'] },
  { id: 'capacity', fields: ['maxProjectEur', 'deliveryModes', 'stages', 'experienceCountries', 'hasDisasterReconstructionExperience'] },
  { id: 'risk', fields: ['riskAppetite', 'tenderRequirement'] },
  { id: 'place', fields: ['prefectureCode', 'municipalityCode', 'cityJa', 'cityEn'] },
  { id: 'contact', fields: ['contactName', 'contactEmail', 'contactPhone', 'website'] },
] as const satisfies ReadonlyArray<{ id: string; fields: readonly ProfileField[] }>;

export type ProfileSectionId = (typeof PROFILE_SECTIONS)[number]['id'];

/**
 * Answers a company may rightly leave empty: experience it does not have, a website it does not
 * run, a largest project it leaves to our estimate (from capital and staff, docs/decisions/009).
 * Everything else is read by the matching (capabilities, stages, the municipality for the
 * sister-city criterion…) or by the people who read the profile (the description, a phone).
 */
// The description's language always has a value, so it says nothing about how complete the
// profile is.
const OPTIONAL: ReadonlySet<ProfileField> = new Set(['descriptionLanguage', 'maxProjectEur', 'experienceCountries', 'hasDisasterReconstructionExperience', 'website']);

export type SectionCompleteness = { id: ProfileSectionId; filled: number; total: number; missing: ProfileField[] };
export type ProfileCompleteness = { filled: number; total: number; percent: number; sections: SectionCompleteness[] };

/** A stored row or the values of a form being filled: any field may be absent or empty. */
export type ProfileDraft = { [K in ProfileField]?: unknown };

const isAnswered = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return true;
};

/** How much of the profile is filled in, section by section, naming what is missing. */
export function measureProfileCompleteness(profile: ProfileDraft): ProfileCompleteness {
  const sections = PROFILE_SECTIONS.map(({ id, fields }): SectionCompleteness => {
    const counted = fields.filter((field) => !OPTIONAL.has(field));
    const missing = counted.filter((field) => !isAnswered(profile[field]));
    return { id, filled: counted.length - missing.length, total: counted.length, missing };
  });
  const filled = sections.reduce((sum, section) => sum + section.filled, 0);
  const total = sections.reduce((sum, section) => sum + section.total, 0);
  return { filled, total, percent: Math.floor((filled / total) * 100), sections };
}
