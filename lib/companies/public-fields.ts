import type { Prisma } from '../generated/prisma/client';

// What anyone may read of a verified company, on the public list and its own page alike: who it
// is, where, how big, what it does and the risk it takes. Each page adds its own (the list a
// prefecture's region, the page the description and capabilities).
export const publicCompanyFields = {
  id: true,
  legalNameJa: true,
  legalNameEn: true,
  cityJa: true,
  cityEn: true,
  industry: true,
  employees: true,
  capitalJpy: true,
  sectors: true,
  riskAppetite: true,
  experienceCountries: true,
  hasDisasterReconstructionExperience: true,
} satisfies Prisma.CompanySelect;
