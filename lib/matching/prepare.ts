import { CAPABILITY_VALUES, SECTOR_VALUES } from './vocabulary';
import { toEur } from './currency';
import { deliversRemotely } from './rules';
import { readSiteStatus, TOLERANCE, type SiteStatus } from './site-security';
import type { MatchCompany, MatchNeed, VerifiedTender } from './types';
import { TenderRequirement } from '../generated/prisma/enums';

// Needs and companies turned once into the form the criteria read fast (bit masks, numbers), so
// that ranking one need against every company, or rebuilding everything, costs no allocation
// per pair.

export type PreparedNeed = {
  need: MatchNeed;
  site: SiteStatus;
  sectorBit: number;
  stageBit: number;
  isDemining: boolean;
  capabilityLo: number;
  capabilityHi: number;
  requiredCount: number;
  budgetEur: number | null;
  /**
   * The tender is open to competition and anyone can look it up. Verified when the published
   * record was read (an open or selective procedure); else as declared: on Prozorro or in DREAM,
   * with its identifier. The integrity criterion and hard constraint both read this.
   */
  hasTransparentProcurement: boolean;
  /** Money that comes with an international lender's or donor's own checks: a verified funder, or as declared. */
  hasInternationalOversight: boolean;
  /** The published record's facts, when one was read; null while only declarations stand. */
  verifiedTender: VerifiedTender | null;
};

export type PreparedCompany = {
  company: MatchCompany;
  sectorMask: number;
  capabilityLo: number;
  capabilityHi: number;
  tolerance: number;
  waitsForCeasefire: boolean;
  isKansai: boolean;
  /** Can deliver without its staff working at the site. */
  canDeliverRemotely: boolean;
  stageMask: number;
  capacityEur: number;
  mineActionCountries: string[];
  postConflictCountries: string[];
  // The company's facts every pair reads, copied up from `company`: a rebuild scores 145 M
  // pairs, and each hop to another object is a cache miss at that scale (docs/benchmarks/matching.md).
  isSme: boolean;
  tenderRequirement: TenderRequirement;
  prefectureCode: string;
  cityCode: string | null;
  hasDisasterReconstructionExperience: boolean;
  /** Whether the lists above are non-empty: scoring reads only that, explaining reads the lists. */
  hasMineActionExperience: boolean;
  hasPostConflictExperience: boolean;
};

// The documents name Japan's work in Cambodia (demining, over twenty years), Iraq, Afghanistan and
// Bosnia and Herzegovina (post-conflict reconstruction); all four are also mine-contaminated.
export const MINE_CONTAMINATED_COUNTRIES = new Set(['KH', 'AF', 'IQ', 'BA', 'AO', 'LA', 'VN', 'MZ', 'HR', 'LK', 'CO']);
export const POST_CONFLICT_COUNTRIES = new Set([...MINE_CONTAMINATED_COUNTRIES, 'TL', 'SS', 'RW', 'LR', 'SL', 'XK', 'RS', 'SY', 'YE', 'PS']);

const OVERSIGHT_FUNDING = new Set(['JICA', 'INTERNATIONAL_FINANCIAL_INSTITUTION', 'DONOR_GRANT']);

function capabilityMask(capabilities: readonly string[]): { lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  for (const capability of capabilities) {
    const index = CAPABILITY_VALUES.indexOf(capability as (typeof CAPABILITY_VALUES)[number]);
    if (index < 0) continue;
    if (index < 30) lo |= 1 << index;
    else hi |= 1 << (index - 30);
  }
  return { lo, hi };
}

const sectorBit = (sector: string) => 1 << SECTOR_VALUES.indexOf(sector as (typeof SECTOR_VALUES)[number]);


/**
 * Open and selective procedures let any (or any qualified) supplier bid; limited and direct
 * ones do not (OCDS method codelist). A record without a tender section proves no competition.
 */
export const isCompetitive = (tender: VerifiedTender) => tender.procedure === 'open' || tender.procedure === 'selective';

export function prepareNeed(need: MatchNeed, asOf: Date): PreparedNeed {
  const mask = capabilityMask(need.requiredCapabilities);
  const verified = need.tenderEvidence ?? null;
  return {
    need,
    site: readSiteStatus(need.site.periods, asOf),
    sectorBit: sectorBit(need.sector),
    stageBit: stageBit(need.stage),
    isDemining: need.sector === 'DEMINING',
    capabilityLo: mask.lo,
    capabilityHi: mask.hi,
    requiredCount: new Set(need.requiredCapabilities).size,
    budgetEur:
      need.budgetAmount !== null && need.budgetCurrency !== null ? toEur(need.budgetAmount, need.budgetCurrency) : null,
    hasTransparentProcurement: verified
      ? isCompetitive(verified)
      : (need.procurementMethod === 'PROZORRO' && !!need.prozorroTenderId) ||
        (need.procurementMethod === 'DREAM' && !!need.dreamProjectId),
    hasInternationalOversight: (verified !== null && verified.funders.length > 0) || OVERSIGHT_FUNDING.has(need.fundingSource),
    verifiedTender: verified,
  };
}

export function prepareCompany(company: MatchCompany): PreparedCompany {
  const mask = capabilityMask(company.capabilities);
  let sectorMask = 0;
  for (const sector of company.sectors) sectorMask |= sectorBit(sector);
  let stageMask = 0;
  for (const stage of company.stages) stageMask |= stage === 'RAPID_RECOVERY' ? 1 : 2;
  const mineActionCountries = company.experienceCountries.filter((c) => MINE_CONTAMINATED_COUNTRIES.has(c));
  const postConflictCountries = company.experienceCountries.filter((c) => POST_CONFLICT_COUNTRIES.has(c));
  return {
    company,
    sectorMask,
    capabilityLo: mask.lo,
    capabilityHi: mask.hi,
    tolerance: TOLERANCE[company.riskAppetite],
    waitsForCeasefire: company.riskAppetite === 'AFTER_CEASEFIRE_ONLY',
    isKansai: company.region === 'KANSAI',
    canDeliverRemotely: deliversRemotely(company.deliveryModes),
    stageMask,
    // The company's own figure when it gave one; otherwise the estimate from its capital and staff.
    capacityEur: company.maxProjectEur ?? company.estimatedCapacityEur,
    mineActionCountries,
    postConflictCountries,
    isSme: company.isSme,
    // The enum's own constant, so that the integrity rule compares interned strings.
    tenderRequirement: TenderRequirement[company.tenderRequirement] ?? company.tenderRequirement,
    prefectureCode: company.prefectureCode,
    cityCode: company.cityCode,
    hasDisasterReconstructionExperience: company.hasDisasterReconstructionExperience,
    hasMineActionExperience: mineActionCountries.length > 0,
    hasPostConflictExperience: postConflictCountries.length > 0,
  };
}

export const stageBit = (stage: string) => (stage === 'RAPID_RECOVERY' ? 1 : 2);

export { popcount } from './bits';
