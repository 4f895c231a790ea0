import { apportionPoints } from './apportion';
import { passesHardConstraints } from './constraints';
import { CRITERION_FNS } from './criteria';
import type { MatchingPolicy } from './policy';
import { prepareCompany, prepareNeed, type PreparedCompany, type PreparedNeed } from './prepare';
import {
  CRITERIA,
  type FailedConstraint,
  type MatchCompany,
  type MatchContext,
  type MatchNeed,
  type MatchResult,
  type Reason,
  type ScoreEntry,
} from './types';

// One code path scores and explains: `scorePair` is `explainPair` without the reasons, so the
// score a ranking sorts by is always the score its explanation adds up to.

export const EXCLUDED = -1;

type CriterionFn = (typeof CRITERION_FNS)[keyof typeof CRITERION_FNS];
/**
 * The weighed criteria (weights, fns), every criterion in CRITERIA order with its weight (all), and
 * every criterion's weight in CRITERIA order (caps: apportionPoints' limits).
 */
type CompiledPolicy = { weights: number[]; fns: CriterionFn[]; all: { weight: number; fn: CriterionFn }[]; caps: number[] };
const compiled = new WeakMap<MatchingPolicy, CompiledPolicy>();

/** The weighed criteria as arrays, once per policy object: the hot loop then does no key lookups. */
function compile(policy: MatchingPolicy): CompiledPolicy {
  let result = compiled.get(policy);
  if (!result) {
    const weighed = CRITERIA.filter((criterion) => policy.weights[criterion] > 0);
    result = {
      weights: weighed.map((c) => policy.weights[c]),
      fns: weighed.map((c) => CRITERION_FNS[c]),
      all: CRITERIA.map((c) => ({ weight: policy.weights[c], fn: CRITERION_FNS[c] })),
      caps: CRITERIA.map((c) => policy.weights[c]),
    };
    compiled.set(policy, result);
  }
  return result;
}

/** The score from 0 to 100, or EXCLUDED. Allocates nothing: the hot loop of every ranking. */
export function scorePair(
  need: PreparedNeed,
  company: PreparedCompany,
  context: MatchContext,
  policy: MatchingPolicy,
): number {
  return scoreCompiled(compile(policy), need, company, context, policy);
}

/**
 * `scorePair` with the policy compiled once, for loops over millions of pairs (the rebuild): the
 * per-call lookup of the compiled policy is a measurable share of a pair there.
 */
export function scorerFor(policy: MatchingPolicy): (need: PreparedNeed, company: PreparedCompany, context: MatchContext) => number {
  const compiledPolicy = compile(policy);
  return (need, company, context) => scoreCompiled(compiledPolicy, need, company, context, policy);
}

function scoreCompiled(
  { weights, fns }: CompiledPolicy,
  need: PreparedNeed,
  company: PreparedCompany,
  context: MatchContext,
  policy: MatchingPolicy,
): number {
  if (!passesHardConstraints(need, company, policy)) return EXCLUDED;
  let raw = 0;
  for (let i = 0; i < fns.length; i += 1) raw += weights[i] * fns[i](need, company, context);
  return Math.round(raw);
}

export function explainPair(
  need: PreparedNeed,
  company: PreparedCompany,
  context: MatchContext,
  policy: MatchingPolicy,
): MatchResult {
  const failed: FailedConstraint[] = [];
  const passes = passesHardConstraints(need, company, policy, (constraint, code, params = {}) =>
    failed.push({ constraint, reason: { code, params } }),
  );
  if (!passes) return { kind: 'excluded', failed };

  let raw = 0;
  const reasons: Reason[] = [];
  const values = CRITERIA.map((criterion) => {
    const weight = policy.weights[criterion];
    let reason: Reason = { code: 'NOT_WEIGHED', params: {} };
    const fraction = CRITERION_FNS[criterion](need, company, context, (code, params = {}) => {
      reason = { code, params };
    });
    reasons.push(reason);
    const value = weight * fraction;
    if (weight > 0) raw += value;
    return weight > 0 ? value : 0;
  });
  const score = Math.round(raw);
  const points = apportionPoints(values, compile(policy).caps, score);
  const entries: ScoreEntry[] = CRITERIA.map((criterion, i) => ({
    criterion,
    points: points[i],
    maxPoints: policy.weights[criterion],
    reason: reasons[i],
  }));
  return { kind: 'scored', score, entries };
}

/**
 * What a stored match keeps of a pair: its score and whole points per criterion (CRITERIA order),
 * exactly those of `explainPair`, without building the reasons; null when the pair is excluded.
 */
export function pairPoints(
  need: PreparedNeed,
  company: PreparedCompany,
  context: MatchContext,
  policy: MatchingPolicy,
): { score: number; points: number[] } | null {
  if (!passesHardConstraints(need, company, policy)) return null;
  // A re-rank stores thousands of pairs: no per-criterion closures or objects, the values in a
  // scratch array; the points by the explanation's own rule (apportionPoints).
  const { all, caps } = compile(policy);
  const values = SCRATCH_VALUES;
  let raw = 0;
  for (let i = 0; i < all.length; i += 1) {
    const weight = all[i].weight;
    values[i] = weight > 0 ? weight * all[i].fn(need, company, context) : 0;
    raw += values[i];
  }
  const score = Math.round(raw);
  return { score, points: apportionPoints(values, caps, score) };
}

const SCRATCH_VALUES = new Float64Array(CRITERIA.length);

/** Explains one pair from plain inputs; rankings prepare each side once and call the pair functions. */
export function evaluateMatch(
  need: MatchNeed,
  company: MatchCompany,
  context: MatchContext,
  policy: MatchingPolicy,
): MatchResult {
  return explainPair(prepareNeed(need, context.asOf), prepareCompany(company), context, policy);
}
