import type { MatchingPolicy } from './policy';
import type { PreparedCompany, PreparedNeed } from './prepare';
import { integrityFailure, offersSomeRequired, securityFailure, stageFits, withinReachOfCapacity } from './rules';
import type { HardConstraint, ReasonParams } from './types';

export type SayFailure = (constraint: HardConstraint, code: string, params?: ReasonParams) => void;

/**
 * Whether the pair passes every hard constraint. Without `fail` it returns at the first failure
 * and allocates nothing (it runs for every pair of a rebuild); with it, it reports them all.
 * The rules themselves are in rules.ts; this applies the ones the policy switches on.
 */
export function passesHardConstraints(
  need: PreparedNeed,
  company: PreparedCompany,
  policy: MatchingPolicy,
  fail?: SayFailure,
): boolean {
  let passes = true;
  const hard = policy.hardConstraints;

  if ((company.sectorMask & need.sectorBit) === 0) {
    if (!fail) return false;
    passes = false;
    fail('sector', 'OUTSIDE_COMPANY_SECTORS', { sector: need.need.sector });
  }

  if (hard.capability && !offersSomeRequired(need, company)) {
    if (!fail) return false;
    passes = false;
    fail('capability', 'OFFERS_NONE_OF_REQUIRED_CAPABILITIES', { required: [...new Set(need.need.requiredCapabilities)] });
  }

  if (hard.security) {
    const code = securityFailure(need.site, company);
    if (code !== null) {
      if (!fail) return false;
      passes = false;
      const { site } = need;
      // Whether the whole hromada is listed: a reader told only that "the site" is listed would
      // not know that some settlements are, and the rest of the hromada is not.
      const wholeHromada = site.isWholeHromada;
      fail('security', code, code === 'SITE_OCCUPIED' ? {} : code === 'WAITS_FOR_CEASEFIRE'
        ? { status: site.status, wholeHromada }
        : { status: site.status, appetite: company.company.riskAppetite, wholeHromada });
    }
  }

  if (hard.integrity) {
    const code = integrityFailure(need, company.tenderRequirement);
    if (code !== null) {
      if (!fail) return false;
      passes = false;
      fail('integrity', code, code === 'REQUIRES_TRANSPARENT_TENDER'
        ? { procurement: need.need.procurementMethod }
        : { funding: need.need.fundingSource });
    }
  }

  if (hard.stage && !stageFits(company.stageMask, need.stageBit)) {
    if (!fail) return false;
    passes = false;
    fail('stage', 'STAGE_MISMATCH', { stage: need.need.stage });
  }

  if (hard.scale && !withinReachOfCapacity(need.budgetEur, company.capacityEur)) {
    if (!fail) return false;
    passes = false;
    fail('scale', 'FAR_ABOVE_CAPACITY', { budgetEur: Math.round(need.budgetEur!), capacityEur: Math.round(company.capacityEur) });
  }

  return passes;
}
