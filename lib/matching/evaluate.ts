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

type CompiledPolicy = { weights: number[]; fns: (typeof CRITERION_FNS)[keyof typeof CRITERION_FNS][] };
const compiled = new WeakMap<MatchingPolicy, CompiledPolicy>();

/** The weighed criteria as arrays, once per policy object: the hot loop then does no key lookups. */
function compile(policy: MatchingPolicy): CompiledPolicy {
  let result = compiled.get(policy);
  if (!result) {
    const weighed = CRITERIA.filter((criterion) => policy.weights[criterion] > 0);
    result = { weights: weighed.map((c) => policy.weights[c]), fns: weighed.map((c) => CRITERION_FNS[c]) };
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
  if (!passesHardConstraints(need, company, policy)) return EXCLUDED;
  const { weights, fns } = compile(policy);
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
  const parts = CRITERIA.map((criterion) => {
    const weight = policy.weights[criterion];
    let reason: Reason = { code: 'NOT_WEIGHED', params: {} };
    const fraction = CRITERION_FNS[criterion](need, company, context, (code, params = {}) => {
      reason = { code, params };
    });
    const value = weight * fraction;
    if (weight > 0) raw += value;
    return { criterion, value: weight > 0 ? value : 0, maxPoints: weight, reason };
  });
  const score = Math.round(raw);
  return { kind: 'scored', score, entries: apportionPoints(parts, score) };
}

/**
 * Whole points per criterion that add up exactly to the score: each criterion gets the floor of
 * its share, and the points rounding leaves over go to the largest remainders.
 */
function apportionPoints(
  parts: { criterion: ScoreEntry['criterion']; value: number; maxPoints: number; reason: Reason }[],
  score: number,
): ScoreEntry[] {
  const entries = parts.map(({ criterion, value, maxPoints, reason }) => ({
    criterion,
    points: Math.floor(value + 1e-9),
    maxPoints,
    reason,
  }));
  let leftover = score - entries.reduce((sum, entry) => sum + entry.points, 0);
  const byRemainder = parts
    .map((part, index) => ({ index, remainder: part.value - entries[index].points }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftover <= 0) break;
    if (entries[index].points < entries[index].maxPoints) {
      entries[index].points += 1;
      leftover -= 1;
    }
  }
  return entries;
}

/** Explains one pair from plain inputs; rankings prepare each side once and call the pair functions. */
export function evaluateMatch(
  need: MatchNeed,
  company: MatchCompany,
  context: MatchContext,
  policy: MatchingPolicy,
): MatchResult {
  return explainPair(prepareNeed(need, context.asOf), prepareCompany(company), context, policy);
}
