import type { MatchingPolicy } from './policy';
import type { PreparedCompany, PreparedNeed } from './prepare';
import type { HardConstraint, ReasonParams } from './types';

export type SayFailure = (constraint: HardConstraint, code: string, params?: ReasonParams) => void;

/**
 * Whether the pair passes every hard constraint. Without `fail` it returns at the first failure
 * and allocates nothing (it runs for every pair of a rebuild); with it, it reports them all.
 */
export function passesHardConstraints(
  need: PreparedNeed,
  company: PreparedCompany,
  policy: MatchingPolicy,
  fail?: SayFailure,
): boolean {
  let passes = true;

  if ((company.sectorMask & need.sectorBit) === 0) {
    if (!fail) return false;
    passes = false;
    fail('sector', 'OUTSIDE_COMPANY_SECTORS', { sector: need.need.sector });
  }

  const { site } = need;
  if (policy.hardConstraints.security) {
    let code: string | null = null;
    if (site.severity === 4 && site.isWholeHromada) code = 'SITE_OCCUPIED';
    else if (company.waitsForCeasefire && site.severity > 0) code = 'WAITS_FOR_CEASEFIRE';
    else if (site.effectiveSeverity > company.tolerance && !company.canDeliverRemotely) code = 'BEYOND_RISK_APPETITE';
    if (code !== null) {
      if (!fail) return false;
      passes = false;
      // Whether the whole hromada is listed: a reader told only that "the site" is listed would
      // not know that some settlements are, and the rest of the hromada is not.
      const wholeHromada = site.isWholeHromada;
      fail('security', code, code === 'SITE_OCCUPIED' ? {} : code === 'WAITS_FOR_CEASEFIRE'
        ? { status: site.status, wholeHromada }
        : { status: site.status, appetite: company.company.riskAppetite, wholeHromada });
    }
  }

  if (policy.hardConstraints.integrity) {
    const requirement = company.company.tenderRequirement;
    if (requirement === 'TRANSPARENT_TENDER' && !need.hasTransparentProcurement) {
      if (!fail) return false;
      passes = false;
      fail('integrity', 'REQUIRES_TRANSPARENT_TENDER', { procurement: need.need.procurementMethod });
    } else if (requirement === 'IFI_OR_DONOR_OVERSIGHT' && !need.hasInternationalOversight) {
      if (!fail) return false;
      passes = false;
      fail('integrity', 'REQUIRES_INTERNATIONAL_OVERSIGHT', { funding: need.need.fundingSource });
    }
  }

  if (policy.hardConstraints.stage && (company.stageMask & need.stageBit) === 0) {
    if (!fail) return false;
    passes = false;
    fail('stage', 'STAGE_MISMATCH', { stage: need.need.stage });
  }

  // Ten times what the company can take on is where the scale criterion reaches zero.
  if (policy.hardConstraints.scale && need.budgetEur !== null && need.budgetEur > company.capacityEur * 10) {
    if (!fail) return false;
    passes = false;
    fail('scale', 'FAR_ABOVE_CAPACITY', { budgetEur: Math.round(need.budgetEur), capacityEur: company.capacityEur });
  }

  return passes;
}
