import type { MatchingPolicy } from './policy';
import type { PreparedCompany, PreparedNeed } from './prepare';
import type { HardConstraint, ReasonParams } from './types';

export type SayFailure = (constraint: HardConstraint, code: string, params?: ReasonParams) => void;

/**
 * Whether the pair passes every hard constraint. Without `fail` it stops at the first failure
 * (the fast path); with it, it reports them all.
 */
export function passesHardConstraints(
  need: PreparedNeed,
  company: PreparedCompany,
  policy: MatchingPolicy,
  fail?: SayFailure,
): boolean {
  let passes = true;
  const failed = (constraint: HardConstraint, code: string, params?: ReasonParams) => {
    passes = false;
    fail?.(constraint, code, params);
    return !fail;
  };

  if ((company.sectorMask & need.sectorBit) === 0 && failed('sector', 'OUTSIDE_COMPANY_SECTORS', { sector: need.need.sector })) {
    return false;
  }

  const { site } = need;
  if (policy.hardConstraints.security) {
    if (site.severity === 4 && site.isWholeHromada) {
      if (failed('security', 'SITE_OCCUPIED')) return false;
    } else if (company.company.riskAppetite === 'AFTER_CEASEFIRE_ONLY' && site.severity > 0) {
      if (failed('security', 'WAITS_FOR_CEASEFIRE', { status: site.status })) return false;
    } else if (site.effectiveSeverity > company.tolerance && !company.canDeliverRemotely) {
      const params = { status: site.status, appetite: company.company.riskAppetite };
      if (failed('security', 'BEYOND_RISK_APPETITE', params)) return false;
    }
  }

  if (policy.hardConstraints.integrity) {
    const requirement = company.company.tenderRequirement;
    if (requirement === 'TRANSPARENT_TENDER' && !need.hasTransparentProcurement) {
      if (failed('integrity', 'REQUIRES_TRANSPARENT_TENDER', { procurement: need.need.procurementMethod })) return false;
    } else if (requirement === 'IFI_OR_DONOR_OVERSIGHT' && !need.hasInternationalOversight) {
      if (failed('integrity', 'REQUIRES_INTERNATIONAL_OVERSIGHT', { funding: need.need.fundingSource })) return false;
    }
  }

  if (policy.hardConstraints.stage && (company.stageMask & (need.need.stage === 'RAPID_RECOVERY' ? 1 : 2)) === 0) {
    if (failed('stage', 'STAGE_MISMATCH', { stage: need.need.stage })) return false;
  }

  // Ten times what the company can take on is where the scale criterion reaches zero.
  if (policy.hardConstraints.scale && need.budgetEur !== null && need.budgetEur > company.capacityEur * 10) {
    const params = { budgetEur: Math.round(need.budgetEur), capacityEur: company.capacityEur };
    if (failed('scale', 'FAR_ABOVE_CAPACITY', params)) return false;
  }

  return passes;
}
