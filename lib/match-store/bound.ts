import { Prisma } from '../generated/prisma/client';
import { Stage } from '../generated/prisma/enums';
import { RiskAppetite } from '../generated/prisma/enums';
import { CRITERION_FNS } from '../matching/criteria';
import type { MatchingPolicy } from '../matching/policy';
import { MINE_CONTAMINATED_COUNTRIES, POST_CONFLICT_COUNTRIES, stageBit, type PreparedCompany, type PreparedNeed } from '../matching/prepare';
import { SALES_PER_EMPLOYEE_JPY, SHARE_OF_ANNUAL_SALES } from '../companies/capacity';
import { isRatedCurrency, referenceRate, toEur } from '../matching/currency';
import { Currency } from '../generated/prisma/enums';
import { coveredCapabilities, FAR_ABOVE_CAPACITY_FACTOR, REMOTE_DELIVERY_MODES, stageFits } from '../matching/rules';
import { TOLERANCE } from '../matching/site-security';
import { DeliveryMode } from '../generated/prisma/enums';
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

/** A full list's floor and its last entry's id (lowest score, then highest id); -1 and null while it has room. */
export type ListFloor = { floor: number; last: string | null };

/**
 * Whether the candidates read under a list's previous floor and last entry prove the subject's top
 * list of `k`. The read left out only counterparts ranking below that last entry — scoring below
 * the floor, or at it with a greater id (the lists' order: score, then id) — so the list is exact
 * once `k` of those read rank at or above it. Without a last entry every tie at the floor was
 * read, and counts. A floor of -1 (the list had room) left nothing out.
 */
export const provesTopList = (scored: readonly { id: string; score: number }[], list: ListFloor, k: number) =>
  list.floor < 0 || scored.reduce((n, item) => n + (item.score > list.floor
    || (item.score === list.floor && (list.last === null || item.id <= list.last)) ? 1 : 0), 0) >= k;

/**
 * Whether a pair bounded by `bound` (raw) may score at least `threshold` once rounded. The margin
 * covers rounding half up and floating-point sums; -1 (a list with room) admits everything.
 */
export const mayReach = (bound: number, threshold: number) => bound + 0.5 + 1e-6 >= threshold;

const DELIVERY_VALUES = Object.values(DeliveryMode);
const REMOTE_MASK = REMOTE_DELIVERY_MODES.reduce((mask, mode) => mask | (1 << DELIVERY_VALUES.indexOf(mode)), 0);

/**
 * Stand-ins for a company that differ only in the columns named: criteria that read nothing else grade them exactly.
 * A field the security or integrity criterion starts to read must be set here too (rerank-pruning.test.ts fails otherwise:
 * it did when `isSme` was copied up into the prepared company for the rebuild).
 */
function companyStandIns(): { appetite: RiskAppetite; remote: boolean; company: PreparedCompany }[] {
  return Object.values(RiskAppetite).flatMap((appetite) => [false, true].flatMap((remote) => [false, true].map((isSme) => ({
    appetite,
    remote,
    company: {
      tolerance: TOLERANCE[appetite], waitsForCeasefire: appetite === 'AFTER_CEASEFIRE_ONLY', canDeliverRemotely: remote, isSme,
      company: { riskAppetite: appetite, isSme },
    } as PreparedCompany,
  }))));
}

/**
 * Never below the capacity the engine gives a company (PreparedCompany.capacityEur), over profile
 * columns: its own figure, else estimateCapacityEur's estimate before it is rounded to ten
 * thousand euros, plus half of that step (so the rounding cannot take it above this). Only ever
 * compared with a bound's margin: a company is left out when even this ceiling is too small.
 */
export const CAPACITY_CEILING_SQL = `COALESCE("maxProjectEur"::float8, GREATEST(10000::float8,
    GREATEST(GREATEST(employees, 1)::float8 * ${SALES_PER_EMPLOYEE_JPY}, "capitalJpy"::float8) * ${toEur(SHARE_OF_ANNUAL_SALES, 'JPY')} + 5001))`;

/**
 * A weight as a float8 constant: a CASE of plain literals is numeric, and a numeric added to the
 * float8 capability term is converted once a row (through text); a light need's read bounds
 * thousands of rows (−10% of its server time, docs/benchmarks/matching.md, session 9).
 */
const f8 = (value: number) => `${value}::float8`;

/** Budget ÷ capacity ratios above 1 at which the scale term of the bound steps down (to 10: the constraint's limit, where it is 0). */
const SCALE_STEPS = [1, 10 ** 0.25, 10 ** 0.5, 10 ** 0.75, FAR_ABOVE_CAPACITY_FACTOR];

/**
 * The scale criterion's weight over a profile row, for a need with a budget: the criterion rises
 * with the company's capacity (it falls with budget ÷ capacity above 1, and is at most 1 at or
 * below), so on each step of capacity below the budget it is at most its value at the step's top
 * — evaluated by the engine's own criterion, just above each ratio (the top of the first step,
 * a ratio just above 1, is not the value at 1). Compared with the capacity's ceiling above.
 */
export function scaleBoundSql(need: PreparedNeed, policy: MatchingPolicy, context: Parameters<typeof CRITERION_FNS.scale>[2]): string {
  const { weights } = policy;
  if (need.budgetEur === null || need.budgetEur <= 0) return f8(weights.scale * CRITERION_FNS.scale(need, { capacityEur: 1, isSme: true } as PreparedCompany, context));
  const budget = need.budgetEur;
  const valueJustAbove = (ratio: number) =>
    weights.scale * CRITERION_FNS.scale(need, { capacityEur: budget / (ratio * (1 + 1e-12)), isSme: true } as PreparedCompany, context) + 1e-9;
  const steps = SCALE_STEPS.slice(1).map((ratio, i) => `WHEN ${CAPACITY_CEILING_SQL} >= ${budget / ratio}::float8 THEN ${f8(valueJustAbove(SCALE_STEPS[i]))}`);
  return `CASE WHEN ${CAPACITY_CEILING_SQL} >= ${budget}::float8 THEN ${f8(weights.scale)} ${steps.join(' ')} ELSE ${f8(valueJustAbove(FAR_ABOVE_CAPACITY_FACTOR))} END`;
}

/**
 * The experience criterion's weight over a profile row, exactly: graded by the engine's own
 * criterion for each combination of the three facts it reads of a company (mine action and
 * post-conflict countries among its experience, disaster reconstruction). Every mine-contaminated
 * country is also post-conflict (prepare.ts).
 */
export function experienceSql(need: PreparedNeed, policy: MatchingPolicy, context: Parameters<typeof CRITERION_FNS.experience>[2], param: (value: unknown) => string): string {
  const value = (mine: boolean, postConflict: boolean) => (disaster: boolean) => policy.weights.experience * CRITERION_FNS.experience(need, {
    hasMineActionExperience: mine, hasPostConflictExperience: postConflict, hasDisasterReconstructionExperience: disaster,
    mineActionCountries: [], postConflictCountries: [],
  } as unknown as PreparedCompany, context);
  const byDisaster = (of: (disaster: boolean) => number) => `CASE WHEN "hasDisasterReconstructionExperience" THEN ${f8(of(true))} ELSE ${f8(of(false))} END`;
  return `CASE WHEN COALESCE("experienceCountries" && ${param([...MINE_CONTAMINATED_COUNTRIES])}::text[], false) THEN ${byDisaster(value(true, true))}
      WHEN COALESCE("experienceCountries" && ${param([...POST_CONFLICT_COUNTRIES])}::text[], false) THEN ${byDisaster(value(false, true))}
      ELSE ${byDisaster(value(false, false))} END`;
}

/**
 * The bound as a SQL expression over "CompanyMatchProfile" columns, for one need; parameters
 * are appended to `values` through `param`. Beyond the criteria known to `scoreBound`, the need
 * decides: security and integrity are graded by the engine's own criteria for every risk
 * appetite, with and without remote delivery, SME or not (they read nothing else of a company);
 * a sister tie needs the company in a tied prefecture; experience is graded exactly
 * (experienceSql); scale by steps of the company's capacity ceiling (scaleBoundSql).
 */
export function scoreBoundSql(need: PreparedNeed, policy: MatchingPolicy, asOf: Date, param: (value: unknown) => string): string {
  const { weights } = policy;
  const context = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const capability = need.requiredCount === 0
    ? f8(weights.capability * 0.5)
    : `${weights.capability}::float8 * (bit_count(("capabilityLo" & ${param(need.capabilityLo)}::int)::bit(32))
        + bit_count(("capabilityHi" & ${param(need.capabilityHi)}::int)::bit(32))) / ${param(need.requiredCount)}::int`;
  const byAppetite = new Map<string, { local: number; remote: number }>();
  for (const { appetite, remote, company } of companyStandIns()) {
    const value = weights.security * CRITERION_FNS.security(need, company, context) + weights.integrity * CRITERION_FNS.integrity(need, company, context);
    const entry = byAppetite.get(appetite) ?? { local: 0, remote: 0 };
    if (remote) entry.remote = Math.max(entry.remote, value);
    else entry.local = Math.max(entry.local, value);
    byAppetite.set(appetite, entry);
  }
  const siteAndTender = `CASE "riskAppetite" ${[...byAppetite].map(([appetite, v]) =>
    `WHEN '${appetite}' THEN CASE WHEN "deliveryMask" & ${REMOTE_MASK} <> 0 THEN ${f8(v.remote)} ELSE ${f8(v.local)} END`).join(' ')}
    ELSE ${f8(weights.security + weights.integrity)} END`;
  const tiedPrefectures = [...new Set(need.need.site.sisterTies.map((tie) => tie.prefectureCode))];
  return `(${scaleBoundSql(need, policy, context)} + ${capability} + ${siteAndTender}
    + CASE WHEN "stageMask" & ${param(need.stageBit)}::int <> 0 THEN ${f8(weights.stage)} ELSE 0::float8 END
    + CASE WHEN region = 'KANSAI' THEN ${f8(weights.kansai)} ELSE 0::float8 END
    + CASE WHEN "prefectureCode" = ANY(${param(tiedPrefectures)}::text[]) THEN ${f8(weights.sisterCity)} ELSE 0::float8 END
    + ${experienceSql(need, policy, context, param)})`;
}

/** A need's budget in euros over "Need" (alias n), as prepareNeed converts it (toEur); null without one. */
// Enum columns are compared as enums, not as text: a cast to text looks the label up once a row and
// value, which was most of a company re-rank's need scan (docs/benchmarks/matching.md, session 7).
const BUDGET_EUR_SQL = `(n."budgetAmount"::float8 / CASE n."budgetCurrency" ${Object.values(Currency).filter(isRatedCurrency)
  .map((currency) => `WHEN '${currency}' THEN ${referenceRate(currency).perEur}::float8`).join(' ')} END)`;

export type CompanyForBound = { capabilities: readonly string[]; stageMask: number; isKansai: boolean; capacityEur: number; isSme: boolean;
  hasMineActionExperience: boolean; hasPostConflictExperience: boolean; hasDisasterReconstructionExperience: boolean };

/**
 * The scale criterion's weight for one company over "Need" (alias n): on each step of budget ÷
 * capacity above 1 at most its value just above the step's bottom, by the engine's own criterion
 * (as scaleBoundSql, from the other side); a need beyond the scale constraint is left out when the
 * policy makes it hard (it scores EXCLUDED). Without a budget, the criterion's own value.
 */
export function needScaleSql(company: CompanyForBound, policy: MatchingPolicy): string {
  const { weights } = policy;
  const context = { asOf: new Date(0), companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const value = (budgetEur: number | null) => weights.scale * CRITERION_FNS.scale({ budgetEur } as PreparedNeed, company as unknown as PreparedCompany, context) + 1e-9;
  const capacity = company.capacityEur;
  // At or below the capacity: the larger of its values there (a budget far below a large company's capacity scores less).
  const within = Math.max(value(capacity), value(capacity * 0.001));
  const steps = SCALE_STEPS.slice(1).map((ratio, i) => `WHEN ${BUDGET_EUR_SQL} <= ${capacity * ratio * (1 + 1e-9)}::float8 THEN ${value(capacity * SCALE_STEPS[i] * (1 + 1e-12))}`);
  const beyond = policy.hardConstraints.scale ? -1000 : value(capacity * FAR_ABOVE_CAPACITY_FACTOR);
  return `CASE WHEN ${BUDGET_EUR_SQL} IS NULL THEN ${value(null)} WHEN ${BUDGET_EUR_SQL} <= ${capacity}::float8 THEN ${within}
    ${steps.join(' ')} ELSE ${beyond} END`;
}

/** The experience criterion's weight for one company over "Need" (alias n): exact, it reads only whether the need is for demining. */
export function needExperienceSql(company: CompanyForBound, policy: MatchingPolicy): string {
  const context = { asOf: new Date(0), companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const value = (isDemining: boolean) => policy.weights.experience * CRITERION_FNS.experience({ isDemining } as PreparedNeed, company as unknown as PreparedCompany, context);
  return `CASE WHEN n.sector = 'DEMINING' THEN ${value(true)} ELSE ${value(false)} END`;
}

/** The bound as a SQL expression over "Need" (alias n) for one company (raw, before rounding). */
export function needScoreBoundSql(company: CompanyForBound, policy: MatchingPolicy): Prisma.Sql {
  const { weights } = policy;
  // The stages this company fits, by the engine's own rule (no stage bit restated here).
  const stages = Object.values(Stage).filter((stage) => stageFits(company.stageMask, stageBit(stage)));
  const constant = unknownWeight(policy) - weights.scale - weights.experience + (company.isKansai ? weights.kansai : 0);
  return Prisma.sql`(${constant}::float8 + ${Prisma.raw(needScaleSql(company, policy))} + ${Prisma.raw(needExperienceSql(company, policy))}
      + ${weights.capability}::float8 * (SELECT CASE WHEN count(DISTINCT v) = 0 THEN 0.5
          ELSE (count(DISTINCT v) FILTER (WHERE v = ANY(${[...company.capabilities]}::"Capability"[])))::float8 / count(DISTINCT v) END
        FROM unnest(n."requiredCapabilities") v)
      + CASE WHEN n.stage = ANY(${stages}::"Stage"[]) THEN ${weights.stage}::float8 ELSE 0 END)`;
}
