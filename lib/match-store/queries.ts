import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import { MatchStatus, type Prisma } from '../generated/prisma/client';
import { pageWindow, toPage, type Page } from '../pagination';
import { explainStoredMatches } from './explain';
import type { StoredExplanation } from './write';

// Reading stored matches for the screens: a need's best companies, a company's best needs.
// Facilitators and admins read every list; a municipality reads its own needs' lists; a company
// reads its own list.

export const matchListFilterSchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
    minScore: z.coerce.number().int().min(0).max(100).default(0),
    status: z.enum(MatchStatus).optional(),
  })
  .strict();
export type MatchListFilter = z.input<typeof matchListFilterSchema>;

const matchSelect = {
  id: true,
  score: true,
  status: true,
  version: true,
  needId: true,
  companyId: true,
  points: true,
  judgedOn: true,
  policyVersion: true,
  computedAt: true,
  need: {
    select: {
      id: true, title: true, sector: true, stage: true, urgency: true,
      hromada: { select: { code: true, nameUk: true, nameEn: true, hostilityStatus: true, hostilityScope: true, oblast: { select: { nameUk: true, nameEn: true } } } },
    },
  },
  company: { select: { id: true, legalNameJa: true, legalNameEn: true, prefectureCode: true, cityEn: true } },
} satisfies Prisma.MatchSelect;

export type StoredMatch = Omit<Prisma.MatchGetPayload<{ select: typeof matchSelect }>, 'points' | 'judgedOn'> & {
  explanation: StoredExplanation;
};

function parseFilter(filter: MatchListFilter) {
  const parsed = matchListFilterSchema.safeParse(filter);
  if (!parsed.success) throw new AppError('VALIDATION', 'Invalid match filter', { issues: parsed.error.issues });
  return parsed.data;
}

/**
 * Best first; equal scores by the listed side's id, the order the engine's TopK and the SQL trim
 * use (lib/matching/top-k.ts), so a list reads in the order it was cut.
 */
async function list(
  db: Db,
  where: Prisma.MatchWhereInput,
  tieKey: 'companyId' | 'needId',
  filter: ReturnType<typeof parseFilter>,
): Promise<Page<StoredMatch>> {
  const scoped: Prisma.MatchWhereInput = {
    ...where,
    score: { gte: filter.minScore },
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [items, total] = await Promise.all([
    db.match.findMany({
      where: scoped,
      select: matchSelect,
      orderBy: [{ score: 'desc' }, { [tieKey]: 'asc' }, { id: 'asc' }],
      ...pageWindow(filter.page, filter.pageSize),
    }),
    db.match.count({ where: scoped }),
  ]);
  const explained = await explainStoredMatches(db, items);
  const withReasons: StoredMatch[] = items.map(({ points: _points, judgedOn: _judgedOn, ...item }, i) => ({ ...item, ...explained[i] }));
  return toPage(withReasons, total, filter.page, filter.pageSize);
}

export async function listMatchesForNeed(db: Db, actor: Actor | null, needId: string, filter: MatchListFilter = {}): Promise<Page<StoredMatch>> {
  requireRole(actor, ['FACILITATOR', 'ADMIN', 'MUNICIPALITY_REP']);
  if (actor.role === 'MUNICIPALITY_REP') {
    // An undefined id would mean "any municipality" to Prisma.
    const own = actor.municipalityId ? await db.need.count({ where: { id: needId, municipalityId: actor.municipalityId } }) : 0;
    if (own === 0) throw new AppError('NOT_FOUND');
  }
  // A need's list: its top companies, and any pair somebody already acted on.
  return list(db, { needId, OR: [{ inNeedTop: true }, { status: { not: 'SUGGESTED' } }] }, 'companyId', parseFilter(filter));
}

export async function listMatchesForCompany(db: Db, actor: Actor | null, companyId: string, filter: MatchListFilter = {}): Promise<Page<StoredMatch>> {
  requireRole(actor, ['FACILITATOR', 'ADMIN', 'COMPANY_REP']);
  if (actor.role === 'COMPANY_REP' && actor.companyId !== companyId) throw new AppError('NOT_FOUND');
  return list(db, { companyId, OR: [{ inCompanyTop: true }, { status: { not: 'SUGGESTED' } }] }, 'needId', parseFilter(filter));
}
