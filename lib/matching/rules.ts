import { RiskAppetite, TenderRequirement, type DeliveryMode } from '../generated/prisma/enums';
import { popcount } from './bits';
import type { SiteStatus } from './site-security';
import { TOLERANCE } from './site-security';

// Each hard rule of matching, written once. The constraints (constraints.ts) and the criteria
// (criteria.ts) call these functions; the SQL candidate pre-filter (lib/match-store/profiles.ts)
// is derived from them by `candidateFilter` below, which evaluates the same functions over every
// value a company's profile can hold — so no rule is restated in SQL.

/** Delivery modes that need no staff at the site: a company offering one may serve any site it does not refuse outright. */
export const REMOTE_DELIVERY_MODES: readonly DeliveryMode[] = ['SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN'];

/** Where the scale criterion reaches zero, and the scale constraint excludes: ten times the capacity. */
export const FAR_ABOVE_CAPACITY_FACTOR = 10;

type SecurityFacts = { tolerance: number; waitsForCeasefire: boolean; canDeliverRemotely: boolean };

/**
 * How the site stands against the company's risk appetite: refused outright (an occupied
 * hromada; any listed site for a company that waits for a ceasefire), beyond its appetite
 * (refused unless it can deliver remotely: remoteOnly), or within it (null).
 */
export function siteVerdict(
  site: SiteStatus,
  company: SecurityFacts,
): 'SITE_OCCUPIED' | 'WAITS_FOR_CEASEFIRE' | 'BEYOND_RISK_APPETITE' | 'remoteOnly' | null {
  if (site.severity === 4 && site.isWholeHromada) return 'SITE_OCCUPIED';
  if (company.waitsForCeasefire && site.severity > 0) return 'WAITS_FOR_CEASEFIRE';
  if (site.effectiveSeverity > company.tolerance) return company.canDeliverRemotely ? 'remoteOnly' : 'BEYOND_RISK_APPETITE';
  return null;
}

/** The security rule: the code of the refusal, or null when the company accepts the site. */
export function securityFailure(site: SiteStatus, company: SecurityFacts): 'SITE_OCCUPIED' | 'WAITS_FOR_CEASEFIRE' | 'BEYOND_RISK_APPETITE' | null {
  const verdict = siteVerdict(site, company);
  return verdict === 'remoteOnly' ? null : verdict;
}

type IntegrityFacts = { hasTransparentProcurement: boolean; hasInternationalOversight: boolean };

/**
 * The integrity rule: what the company requires of a tender before it bids, against the need.
 * The one place that decides it (the verified-evidence work extends the need's facts here).
 */
export function integrityFailure(need: IntegrityFacts, requirement: TenderRequirement): 'REQUIRES_TRANSPARENT_TENDER' | 'REQUIRES_INTERNATIONAL_OVERSIGHT' | null {
  if (requirement === 'TRANSPARENT_TENDER' && !need.hasTransparentProcurement) return 'REQUIRES_TRANSPARENT_TENDER';
  if (requirement === 'IFI_OR_DONOR_OVERSIGHT' && !need.hasInternationalOversight) return 'REQUIRES_INTERNATIONAL_OVERSIGHT';
  return null;
}

/** The stage rule: the company works in the need's stage (bits as in prepare.ts). */
export const stageFits = (stageMask: number, stageBit: number) => (stageMask & stageBit) !== 0;

type CapabilityBits = { capabilityLo: number; capabilityHi: number };

/** How many of the need's required capabilities the company offers. */
export const coveredCapabilities = (need: CapabilityBits, company: CapabilityBits) =>
  popcount(need.capabilityLo & company.capabilityLo) + popcount(need.capabilityHi & company.capabilityHi);

/** The capability rule: a need that requires capabilities is only for companies offering at least one. */
export const offersSomeRequired = (need: CapabilityBits & { requiredCount: number }, company: CapabilityBits) =>
  need.requiredCount === 0 || coveredCapabilities(need, company) > 0;

/** The scale rule: the budget is not far above what the company can take on. */
export const withinReachOfCapacity = (budgetEur: number | null, capacityEur: number) =>
  budgetEur === null || budgetEur <= capacityEur * FAR_ABOVE_CAPACITY_FACTOR;

/**
 * What a need's candidates must satisfy under the policy, in terms of the columns of a company's
 * ranking profile, computed by running the rules above over every risk appetite, delivery and
 * tender requirement. `null` for a part means "no condition"; `none` means nobody qualifies.
 * The scale rule is left to the engine: capacity is estimated in TypeScript, not stored.
 */
export type CandidateFilter = {
  none: boolean;
  sectorBit: number;
  /** Risk appetites accepted whatever the company's delivery modes. */
  appetites: RiskAppetite[] | null;
  /** Risk appetites accepted only with a remote delivery mode. */
  appetitesIfRemote: RiskAppetite[];
  tenderRequirements: TenderRequirement[] | null;
  stageBit: number | null;
  capabilities: CapabilityBits | null;
};

export function candidateFilter(
  need: IntegrityFacts & CapabilityBits & { site: SiteStatus; sectorBit: number; stageBit: number; requiredCount: number },
  hard: { security: boolean; integrity: boolean; stage: boolean; capability: boolean },
): CandidateFilter {
  const filter: CandidateFilter = {
    none: false,
    sectorBit: need.sectorBit,
    appetites: null,
    appetitesIfRemote: [],
    tenderRequirements: null,
    stageBit: hard.stage ? need.stageBit : null,
    capabilities: hard.capability && need.requiredCount > 0 ? { capabilityLo: need.capabilityLo, capabilityHi: need.capabilityHi } : null,
  };
  if (hard.security) {
    const facts = (appetite: RiskAppetite, canDeliverRemotely: boolean): SecurityFacts => ({
      tolerance: TOLERANCE[appetite],
      waitsForCeasefire: appetite === 'AFTER_CEASEFIRE_ONLY',
      canDeliverRemotely,
    });
    const appetites = Object.values(RiskAppetite);
    filter.appetites = appetites.filter((a) => securityFailure(need.site, facts(a, false)) === null);
    filter.appetitesIfRemote = appetites.filter(
      (a) => !filter.appetites!.includes(a) && securityFailure(need.site, facts(a, true)) === null,
    );
  }
  if (hard.integrity) {
    filter.tenderRequirements = Object.values(TenderRequirement).filter((r) => integrityFailure(need, r) === null);
  }
  filter.none =
    (filter.appetites !== null && filter.appetites.length === 0 && filter.appetitesIfRemote.length === 0) ||
    (filter.tenderRequirements !== null && filter.tenderRequirements.length === 0);
  return filter;
}

/** Whether the company can deliver without its staff at the site. */
export const deliversRemotely = (modes: readonly DeliveryMode[]) => modes.some((mode) => REMOTE_DELIVERY_MODES.includes(mode));
