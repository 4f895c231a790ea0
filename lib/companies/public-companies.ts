import { z } from 'zod';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { RiskAppetite, SectorCode, SmeIndustry } from '../generated/prisma/enums';
import { pageSchema, pageWindow, toPage, type Page } from '../pagination';
import { isCleanText } from '../validation';
import { publicCompanyFields } from './public-fields';
import { isSme, SME_THRESHOLDS } from './sme';

// Companies anyone may see: verified profiles, without contact details (those are shared by
// an introduction, lib/companies/company-contacts.ts), searched and filtered on the server.

export const PUBLIC_COMPANY_WHERE = { verificationStatus: 'VERIFIED' } satisfies Prisma.CompanyWhereInput;

export const COMPANY_SIZES = ['SME', 'LARGE'] as const;
/** Post-conflict countries worked in (experienceCountries), or reconstruction after a disaster. */
export const COMPANY_EXPERIENCE = ['POST_CONFLICT', 'DISASTER'] as const;
export const COMPANY_SEARCH_MAX = 100;

/** The URL's search and filters: a value that does not parse is dropped, never an error page. */
export const companySearchSchema = z.object({
  page: pageSchema.default(1),
  // NUL and other control characters never reach PostgreSQL (which refuses NUL in text).
  q: z.string().trim().max(COMPANY_SEARCH_MAX).refine((value) => isCleanText(value)).optional().catch(undefined).transform((value) => value || undefined),
  sector: z.enum(SectorCode).optional().catch(undefined),
  prefecture: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/).optional().catch(undefined),
  size: z.enum(COMPANY_SIZES).optional().catch(undefined),
  risk: z.enum(RiskAppetite).optional().catch(undefined),
  experience: z.enum(COMPANY_EXPERIENCE).optional().catch(undefined),
});
export type CompanySearch = z.output<typeof companySearchSchema>;
/** The filters as they come from a URL or a caller: anything goes in, the schema sorts it out. */
export type CompanySearchInput = Partial<Record<keyof z.input<typeof companySearchSchema>, unknown>>;

const publicCompanySelect = {
  ...publicCompanyFields,
  prefecture: { select: { code: true, nameJa: true, nameEn: true, region: true } },
} satisfies Prisma.CompanySelect;

type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof publicCompanySelect }>;
export type PublicCompany = Omit<CompanyRow, 'capitalJpy' | 'industry'> & { isSme: boolean };

/** The SME test of lib/companies/sme.ts in SQL, built from the same thresholds. */
const smeSql = Prisma.sql`(CASE c.industry ${Prisma.join(
  Object.values(SmeIndustry).map((industry) => {
    const limit = SME_THRESHOLDS[industry];
    return Prisma.sql`WHEN ${industry}::"SmeIndustry" THEN (c."capitalJpy" <= ${limit.capitalJpy} OR c.employees <= ${limit.employees})`;
  }),
  ' ',
)} END)`;

/**
 * A company's searchable text as one expression: exactly the expression of the trigram index
 * "Company_search_trgm_idx" (migration company_search_trigram_index), so the planner can use it.
 */
export const COMPANY_SEARCH_TEXT = Prisma.raw(`(c."legalNameJa" || ' ' || c."legalNameEn" || ' ' || c."cityJa" || ' ' || c."cityEn" || ' ' || c."description")`);

/** ILIKE '%term%' matching the term literally: its own % and _ are not wildcards. */
const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The WHERE of the search, on "Company" c: exported for the test that reads its query plan. */
export function companySearchWhere(search: CompanySearch): Prisma.Sql {
  const conditions = [Prisma.sql`c."verificationStatus" = 'VERIFIED'`];
  if (search.q) {
    const pattern = containsPattern(search.q);
    // Two indexed lookups (the company's own text, its description's translations) joined by
    // UNION: an OR across the two tables would leave the planner a scan of every company.
    conditions.push(Prisma.sql`c.id IN (
      SELECT c.id FROM "Company" c WHERE ${COMPANY_SEARCH_TEXT} ILIKE ${pattern}
      UNION
      SELECT t."subjectId" FROM "TextTranslation" t
      WHERE t."subject" = 'COMPANY' AND t."field" = 'description' AND t."text" ILIKE ${pattern})`);
  }
  if (search.sector) conditions.push(Prisma.sql`c.sectors @> ARRAY[${search.sector}::"SectorCode"]`);
  if (search.prefecture) conditions.push(Prisma.sql`c."prefectureCode" = ${search.prefecture}`);
  if (search.size) conditions.push(search.size === 'SME' ? smeSql : Prisma.sql`NOT ${smeSql}`);
  if (search.risk) conditions.push(Prisma.sql`c."riskAppetite" = ${search.risk}::"RiskAppetite"`);
  if (search.experience === 'POST_CONFLICT') conditions.push(Prisma.sql`cardinality(c."experienceCountries") > 0`);
  if (search.experience === 'DISASTER') conditions.push(Prisma.sql`c."hasDisasterReconstructionExperience"`);
  return Prisma.join(conditions, ' AND ');
}

export async function listPublicCompanies(db: Db, input: CompanySearchInput): Promise<Page<PublicCompany>> {
  const search = companySearchSchema.parse(input);
  const where = companySearchWhere(search);
  const { skip, take } = pageWindow(search.page);
  const [ids, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Company" c WHERE ${where}
      ORDER BY c."legalNameEn", c.id LIMIT ${take} OFFSET ${skip}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Company" c WHERE ${where}`,
  ]);
  const rows = await db.company.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: publicCompanySelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    const { capitalJpy, industry, ...company } = row;
    return [{ ...company, isSme: isSme({ industry, capitalJpy, employees: company.employees }) }];
  });
  return toPage(items, total, search.page);
}
