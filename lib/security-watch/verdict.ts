import { EXCLUDED, scorePair } from '../matching/evaluate';
import type { MatchingPolicy } from '../matching/policy';
import type { PreparedCompany, PreparedNeed } from '../matching/prepare';
import { securityFailure } from '../matching/rules';
import { TOLERANCE } from '../matching/site-security';
import { RiskAppetite } from '../generated/prisma/enums';
import type { MatchContext } from '../matching/types';

// The one place that decides whether security alone keeps a pair apart: the pair fails only the
// security rule, because of the company's risk appetite or because it waits for a ceasefire (an
// occupied site is not something a better security situation opens), and with the security
// constraint relaxed the engine would score it high enough to enter a stored list. Everything
// else is the matching engine's own rules (lib/matching), unchanged.

export type WatchedCode = 'WAITS_FOR_CEASEFIRE' | 'BEYOND_RISK_APPETITE';
export type WatchVerdict = { kind: 'fits'; score: number } | { kind: 'securityOnly'; score: number; code: WatchedCode } | { kind: 'apart' };

const relaxed = new WeakMap<MatchingPolicy, MatchingPolicy>();

/** The policy with the security constraint off and everything else as it is. */
export function withoutSecurity(policy: MatchingPolicy): MatchingPolicy {
  let out = relaxed.get(policy);
  if (!out) {
    out = { weights: policy.weights, hardConstraints: { ...policy.hardConstraints, security: false } };
    relaxed.set(policy, out);
  }
  return out;
}

/**
 * Whether security alone can keep any company from this site: some risk appetite, delivering
 * remotely or not, is refused for a watched reason. Not at an occupied site, which refuses everyone.
 */
export function siteCanHoldBack(site: PreparedNeed['site']): boolean {
  return Object.values(RiskAppetite).some((appetite) => [false, true].some((canDeliverRemotely) => {
    const code = securityFailure(site, { tolerance: TOLERANCE[appetite], waitsForCeasefire: appetite === 'AFTER_CEASEFIRE_ONLY', canDeliverRemotely });
    return code === 'WAITS_FOR_CEASEFIRE' || code === 'BEYOND_RISK_APPETITE';
  }));
}

/** A score enters a stored list when it reaches the floor of the need's or the company's list (-1 while a list has room). */
const entersAList = (score: number, floors: { need: number; company: number }) => score >= floors.need || score >= floors.company;

export function watchVerdict(
  need: PreparedNeed,
  company: PreparedCompany,
  context: MatchContext,
  policy: MatchingPolicy,
  floors: { need: number; company: number },
): WatchVerdict {
  const score = scorePair(need, company, context, policy);
  if (score !== EXCLUDED) return entersAList(score, floors) ? { kind: 'fits', score } : { kind: 'apart' };
  if (!policy.hardConstraints.security) return { kind: 'apart' };
  const code = securityFailure(need.site, company);
  if (code !== 'WAITS_FOR_CEASEFIRE' && code !== 'BEYOND_RISK_APPETITE') return { kind: 'apart' };
  const withoutIt = scorePair(need, company, context, withoutSecurity(policy));
  return withoutIt !== EXCLUDED && entersAList(withoutIt, floors) ? { kind: 'securityOnly', score: withoutIt, code } : { kind: 'apart' };
}
