import { Prisma } from '../generated/prisma/client';
import { Stage } from '../generated/prisma/enums';
import type { MatchingPolicy } from '../matching/policy';
import { stageBit } from '../matching/prepare';
import { coveredCapabilities, stageFits } from '../matching/rules';
import type { Criterion } from '../matching/types';

// An upper bound on a pair's score from the few facts a profile row holds, so that a re-rank
// reads and scores only the counterparts that could matter: those able to enter the subject's
// top list or the counterpart's own (its floor), plus any pair already stored or with an interest
// (read regardless). Criteria the bound does not know count their whole weight; reciprocal
// interest counts nothing, since every pair with an interest is read anyway. Known exactly:
// capability (share of the required capabilities offered, as criteria.ts grades it), stage
// (fits or not) and Kansai (the company's region). tests/integration/rerank-bound.test.ts holds the
// bound above every score of a world, and the differential test fails when it is too tight.

/** Criteria the bound knows; the rest count their whole weight (but reciprocal: see above). */
const KNOWN: readonly Criterion[] = ['capability', 'stage', 'kansai', 'reciprocal'];

export type BoundFacts = {
  capabilityLo: number;
  capabilityHi: number;
  requiredCount: number;
  stageBit: number;
};
export type CompanyBoundFacts = { capabilityLo: number; capabilityHi: number; stageMask: number; isKansai: boolean };

/** The weight of the criteria the bound cannot judge from a profile row. */
export function unknownWeight(policy: MatchingPolicy): number {
  let sum = 0;
  for (const [criterion, weight] of Object.entries(policy.weights) as [Criterion, number][]) if (!KNOWN.includes(criterion)) sum += weight;
  return sum;
}

/** The bound in TypeScript (a company re-rank prunes its needs with it). Raw, before rounding. */
export function scoreBound(need: BoundFacts, company: CompanyBoundFacts, policy: MatchingPolicy): number {
  const { weights } = policy;
  const capability = need.requiredCount === 0 ? 0.5 : coveredCapabilities(need, company) / need.requiredCount;
  return unknownWeight(policy) + weights.capability * capability + (stageFits(company.stageMask, need.stageBit) ? weights.stage : 0)
    + (company.isKansai ? weights.kansai : 0);
}

/**
 * Whether a pair bounded by `bound` (raw) may score at least `threshold` once rounded. The margin
 * covers rounding half up and floating-point sums; -1 (a list with room) admits everything.
 */
export const mayReach = (bound: number, threshold: number) => bound + 0.5 + 1e-6 >= threshold;

/**
 * The same bound as a SQL expression over "CompanyMatchProfile" columns, for one need: parameters
 * are appended to `values` as they are used (the need's capability masks and stage bit).
 */
export function scoreBoundSql(need: BoundFacts, policy: MatchingPolicy, param: (value: unknown) => string): string {
  const { weights } = policy;
  const capability = need.requiredCount === 0
    ? `${weights.capability * 0.5}`
    : `${weights.capability}::float8 * (bit_count(("capabilityLo" & ${param(need.capabilityLo)}::int)::bit(32))
        + bit_count(("capabilityHi" & ${param(need.capabilityHi)}::int)::bit(32))) / ${param(need.requiredCount)}::int`;
  return `(${unknownWeight(policy)} + ${capability}
    + CASE WHEN "stageMask" & ${param(need.stageBit)}::int <> 0 THEN ${weights.stage} ELSE 0 END
    + CASE WHEN region = 'KANSAI' THEN ${weights.kansai} ELSE 0 END)`;
}

/**
 * The bound as a SQL condition over "Need" (alias n) for one company: the need may score at
 * least its own list's floor or `threshold` with this company, or is one of `always`.
 */
export function needMayReachSql(
  company: { capabilities: readonly string[]; stageMask: number; isKansai: boolean },
  policy: MatchingPolicy,
  prune: { threshold: number; always: string[] },
): Prisma.Sql {
  const { weights } = policy;
  // The stages this company fits, by the engine's own rule (no stage bit restated here).
  const stages = Object.values(Stage).filter((stage) => stageFits(company.stageMask, stageBit(stage)));
  const constant = unknownWeight(policy) + (company.isKansai ? weights.kansai : 0);
  return Prisma.sql`(${constant}::float8
      + ${weights.capability}::float8 * (SELECT CASE WHEN count(DISTINCT v) = 0 THEN 0.5
          ELSE (count(DISTINCT v) FILTER (WHERE v::text = ANY(${[...company.capabilities]}::text[])))::float8 / count(DISTINCT v) END
        FROM unnest(n."requiredCapabilities") v)
      + CASE WHEN n.stage::text = ANY(${stages}::text[]) THEN ${weights.stage}::float8 ELSE 0 END
      + 0.500001 >= LEAST(GREATEST(n."matchFloor", -1), ${prune.threshold}::int)
    OR n.id = ANY(${prune.always}::uuid[]))`;
}
