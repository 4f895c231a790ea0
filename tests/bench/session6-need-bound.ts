import { Prisma } from '../../lib/generated/prisma/client';
import { needScoreBoundSql, type CompanyForBound } from '../../lib/match-store/bound';
import type { MatchingPolicy } from '../../lib/matching/policy';

// The company re-rank's need bound as it was before session 7's graded one (need-bound.ts):
// security, integrity and sister-city ties counted whole. Kept here, not in lib/, only so that
// company-rerank-phases.ts can show how many more needs it let through.

/** The need may score at least its own list's floor or `threshold` with this company, or is one of `always`. */
export function needMayReachSql(
  company: CompanyForBound,
  policy: MatchingPolicy,
  prune: { threshold: number; always: string[] },
): Prisma.Sql {
  return Prisma.sql`(${needScoreBoundSql(company, policy)} + 0.500001 >= LEAST(GREATEST(n."matchFloor", -1), ${prune.threshold}::int)
    OR n.id = ANY(${prune.always}::uuid[]))`;
}
