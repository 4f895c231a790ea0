import { z } from 'zod';
import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { MatchStatus, SectorCode, type Prisma } from '../generated/prisma/client';
import { pageWindow, toPage, type Page } from '../pagination';
import { withExplanation } from '../match-store/explain';
import { countReviewSlice, reviewSliceIds } from './review-slice';

// The facilitators' review queue: every need's best companies and every pair somebody already
// acted on, best first, filtered by sector, oblast, score and status.

const optionalEnum = <T extends Record<string, string>>(values: T) => z.enum(values).optional().catch(undefined);

/** Parsed from the queue's URL: anything malformed falls back to "no filter". */
export const reviewQueueFilterSchema = z.object({
  sector: optionalEnum(SectorCode),
  oblast: z.string().regex(/^UA\d{17}$/).optional().catch(undefined),
  minScore: z.coerce.number().int().min(0).max(100).catch(0).default(0),
  status: optionalEnum(MatchStatus),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ReviewQueueFilter = z.output<typeof reviewQueueFilterSchema>;

export const REVIEW_PAGE_SIZE = 20;

const queueSelect = {
  id: true, score: true, status: true, version: true, updatedAt: true,
  need: {
    select: {
      id: true, title: true, language: true, sector: true, stage: true, status: true,
      hromada: { select: { nameUk: true, nameEn: true, hostilityStatus: true, hostilityScope: true, oblast: { select: { code: true, nameUk: true, nameEn: true } } } },
    },
  },
  company: { select: { id: true, legalNameJa: true, legalNameEn: true, prefecture: { select: { nameJa: true, nameEn: true } } } },
} satisfies Prisma.MatchSelect;
export type QueueItem = Prisma.MatchGetPayload<{ select: typeof queueSelect }>;

export async function listReviewQueue(db: Db, actor: Actor | null, filter: ReviewQueueFilter): Promise<Page<QueueItem>> {
  requireRole(actor, STAFF_ROLES);
  // The slice's ids through its partial index (review-slice.ts), then the rows' details by id.
  const [ids, total] = await Promise.all([
    reviewSliceIds(db, filter, pageWindow(filter.page, REVIEW_PAGE_SIZE)),
    countReviewSlice(db, filter),
  ]);
  const rows = await db.match.findMany({ where: { id: { in: ids } }, select: queueSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  return toPage(items, total, filter.page, REVIEW_PAGE_SIZE);
}

/** Everything the match card shows: both parties, the explanation, the pair's decision history. */
export async function getMatchCard(db: Db, actor: Actor | null, matchId: string) {
  requireRole(actor, STAFF_ROLES);
  if (!z.uuid().safeParse(matchId).success) return null;
  const match = await db.match.findUnique({
    where: { id: matchId },
    select: {
      id: true, needId: true, companyId: true, score: true, status: true, version: true, points: true, judgedOn: true, policyVersion: true, computedAt: true,
      need: {
        select: {
          id: true, title: true, language: true, description: true, sector: true, stage: true, urgency: true, status: true,
          budgetAmount: true, budgetCurrency: true, fundingSource: true, procurementMethod: true,
          prozorroTenderId: true, dreamProjectId: true, requiredCapabilities: true,
          hromada: { select: { code: true, nameUk: true, nameEn: true, hostilityStatus: true, hostilityScope: true, oblast: { select: { nameUk: true, nameEn: true } } } },
          municipality: { select: { contactName: true, contactEmail: true, verificationStatus: true } },
        },
      },
      company: {
        select: {
          id: true, legalNameJa: true, legalNameEn: true, cityJa: true, cityEn: true, sectors: true, capabilities: true,
          riskAppetite: true, employees: true, contactName: true, contactEmail: true, verificationStatus: true,
          prefecture: { select: { nameJa: true, nameEn: true } },
        },
      },
    },
  });
  if (!match) return null;
  const history = await pairHistory(db, { needId: match.needId, companyId: match.companyId });
  return { ...(await withExplanation(db, match))!, ...history };
}
export type MatchCard = NonNullable<Awaited<ReturnType<typeof getMatchCard>>>;

/**
 * What people decided on a pair, newest first, and its introduction. Read by the pair, not by
 * the Match row: the row may have been re-created by re-ranking since.
 */
async function pairHistory(db: Db, pair: { needId: string; companyId: string }) {
  const [decisions, introduction] = await Promise.all([
    db.matchDecision.findMany({
      where: pair,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, action: true, fromStatus: true, toStatus: true, reason: true, note: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.introduction.findUnique({ where: { needId_companyId: pair }, select: { createdAt: true, message: true } }),
  ]);
  return { decisions, introduction };
}
