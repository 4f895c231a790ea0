import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { countReviewSliceByStatus } from '../match-decisions/review-slice';
import type { MatchStatus, SectorCode } from '../generated/prisma/enums';

// The facilitators' dashboard: supply and demand per sector, and how far matches have got.

export const PIPELINE: MatchStatus[] = ['SUGGESTED', 'SHORTLISTED', 'INTRODUCED', 'AGREED'];

export type SectorBalance = { sector: SectorCode; openNeeds: number; companies: number };

export async function getDashboard(db: Db, actor: Actor | null) {
  requireRole(actor, STAFF_ROLES);
  const [sectors, needRows, companyRows, statuses] = await Promise.all([
    db.sector.findMany({ select: { code: true }, orderBy: { code: 'asc' } }),
    db.need.groupBy({ by: ['sector'], where: { status: 'OPEN', municipality: { verificationStatus: 'VERIFIED' } }, _count: { _all: true } }),
    // Ten rows kept exact by triggers on "Company" (migration 20261201214622): unnesting every
    // company's sectors here grew with the companies (55–130 ms at 30,000).
    db.sectorCompanyCount.findMany({ select: { sector: true, companies: true } }),
    countReviewSliceByStatus(db),
  ]);
  const needs = new Map(needRows.map((row) => [row.sector, row._count._all]));
  const companies = new Map(companyRows.map((row) => [row.sector, row.companies]));
  return {
    bySector: sectors.map(({ code }): SectorBalance => ({ sector: code, openNeeds: needs.get(code) ?? 0, companies: companies.get(code) ?? 0 })),
    pipeline: PIPELINE.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
    declined: statuses.get('DECLINED') ?? 0,
  };
}
