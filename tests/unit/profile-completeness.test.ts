import { describe, expect, it } from 'vitest';
import { measureProfileCompleteness, PROFILE_SECTIONS } from '../../lib/companies/profile-completeness';
import { companyProfileSchema } from '../../lib/companies/profile-schema';
import { validCompanyProfile } from '../factories/valid-inputs';

// What "complete" means for a company profile: one definition for the form's meter and the
// company's to-do list.

describe('profile completeness', () => {
  it('puts every field of the profile in exactly one section', () => {
    const placed = PROFILE_SECTIONS.flatMap((section) => section.fields);
    expect([...placed].sort()).toEqual(Object.keys(companyProfileSchema.shape).sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('counts a full profile as complete, leaving experience, a website and the largest project optional', () => {
    const full = validCompanyProfile({ contactPhone: '+81 6 1234 5678', website: null, experienceCountries: [], hasDisasterReconstructionExperience: false, maxProjectEur: null });
    const result = measureProfileCompleteness(full);
    expect(result.percent).toBe(100);
    expect(result.filled).toBe(result.total);
    expect(result.sections.every((section) => section.missing.length === 0)).toBe(true);
  });

  it('names what is missing, section by section', () => {
    const result = measureProfileCompleteness(validCompanyProfile({ capabilities: [], description: '   ', stages: [], municipalityCode: null, contactPhone: null }));
    const missing = Object.fromEntries(result.sections.map((section) => [section.id, section.missing]));
    expect(missing).toEqual({
      organisation: [], sectors: ['capabilities', 'description'], capacity: ['stages'], risk: [], place: ['municipalityCode'], contact: ['contactPhone'],
    });
    expect(result.total - result.filled).toBe(5);
    expect(result.percent).toBe(Math.floor(((result.total - 5) / result.total) * 100));
  });

  it('reads a stored row as well as a form being filled (zero capital is an answer, an empty form is 0 %)', () => {
    expect(measureProfileCompleteness(validCompanyProfile({ capitalJpy: 0n })).sections.find((s) => s.id === 'organisation')?.missing).toEqual([]);
    expect(measureProfileCompleteness(validCompanyProfile({ capitalJpy: 0 })).sections.find((s) => s.id === 'organisation')?.missing).toEqual([]);
    expect(measureProfileCompleteness({ employees: Number.NaN }).sections.find((s) => s.id === 'organisation')?.missing).toContain('employees');
    expect(measureProfileCompleteness({}).percent).toBe(0);
  });
});
