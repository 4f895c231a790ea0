import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { pageWindow, toPage, type Page } from '../pagination';
import { isSme } from './sme';

// Companies anyone may see: verified profiles, without contact details (those are shared by
// an introduction, not by a public list).

export const PUBLIC_COMPANY_WHERE = { verificationStatus: 'VERIFIED' } satisfies Prisma.CompanyWhereInput;

const publicCompanySelect = {
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
  prefecture: { select: { code: true, nameJa: true, nameEn: true, region: true } },
} satisfies Prisma.CompanySelect;

type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof publicCompanySelect }>;
export type PublicCompany = Omit<CompanyRow, 'capitalJpy' | 'industry'> & { isSme: boolean };

export async function listPublicCompanies(
  db: Db,
  { page }: { page: number },
): Promise<Page<PublicCompany>> {
  const [rows, total] = await Promise.all([
    db.company.findMany({
      where: PUBLIC_COMPANY_WHERE,
      select: publicCompanySelect,
      orderBy: [{ legalNameEn: 'asc' }, { id: 'asc' }],
      ...pageWindow(page),
    }),
    db.company.count({ where: PUBLIC_COMPANY_WHERE }),
  ]);
  const items = rows.map(({ capitalJpy, industry, ...company }) => ({
    ...company,
    isSme: isSme({ industry, capitalJpy, employees: company.employees }),
  }));
  return toPage(items, total, page);
}
