import { z } from 'zod';
import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { escapeLikePattern } from '../reference/search-hromadas';
import { isCleanText } from '../validation';

// The company picker on a need's page (staff compare any company with the need): searched by
// name as the facilitator types, a page of results at a time — there may be a hundred thousand.

export const companySearchSchema = z.object({
  q: z.string().trim().min(2).max(80),
});

export const COMPANY_SEARCH_LIMIT = 20;

export type CompanyOption = { id: string; legalNameJa: string; legalNameEn: string };

/** Staff only; a query too short or unreadable finds nothing rather than everything. */
export async function searchCompaniesToCompare(db: Db, actor: Actor | null, query: unknown): Promise<CompanyOption[]> {
  requireRole(actor, STAFF_ROLES);
  const parsed = companySearchSchema.safeParse(query);
  if (!parsed.success || !isCleanText(parsed.data.q)) return [];
  const term = escapeLikePattern(parsed.data.q);
  return db.company.findMany({
    where: { OR: [{ legalNameEn: { contains: term, mode: 'insensitive' } }, { legalNameJa: { contains: term, mode: 'insensitive' } }] },
    orderBy: [{ legalNameEn: 'asc' }, { id: 'asc' }],
    take: COMPANY_SEARCH_LIMIT,
    select: { id: true, legalNameJa: true, legalNameEn: true },
  });
}
