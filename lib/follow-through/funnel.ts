import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';

// The follow-through funnel over time: introductions grouped by the month (Kyiv) they were made,
// and how many of each month's reached agreement and each step after it. A cohort funnel, so a
// month's row only grows as its introductions move on.

export type FunnelMonth = {
  month: string;
  introduced: number; agreed: number; tenderPublished: number; awarded: number; contractSigned: number; delivered: number;
};

export async function getFollowThroughFunnel(db: Db, actor: Actor | null, months = 12): Promise<FunnelMonth[]> {
  requireRole(actor, STAFF_ROLES);
  return db.$queryRaw<FunnelMonth[]>`
    SELECT to_char(date_trunc('month', i."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Kyiv'), 'YYYY-MM') AS month,
      count(*)::int AS introduced,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "MatchDecision" d WHERE d."needId" = i."needId" AND d."companyId" = i."companyId" AND d.action = 'AGREE')
                         OR EXISTS (SELECT 1 FROM "PipelineStep" s WHERE s."introductionId" = i.id))::int AS agreed,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PipelineStep" s WHERE s."introductionId" = i.id AND s.step = 'TENDER_PUBLISHED'))::int AS "tenderPublished",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PipelineStep" s WHERE s."introductionId" = i.id AND s.step = 'AWARDED'))::int AS awarded,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PipelineStep" s WHERE s."introductionId" = i.id AND s.step = 'CONTRACT_SIGNED'))::int AS "contractSigned",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "PipelineStep" s WHERE s."introductionId" = i.id AND s.step = 'DELIVERED'))::int AS delivered
    FROM "Introduction" i
    GROUP BY 1 ORDER BY 1 DESC LIMIT ${months}`;
}
