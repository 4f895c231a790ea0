import { CAPABILITY_VALUES, SECTOR_VALUES } from './vocabulary';
import { toEur } from './currency';
import { deliversRemotely } from './rules';
import { readSiteStatus, TOLERANCE, type SiteStatus } from './site-security';
import type { MatchCompany, MatchNeed } from './types';

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
  /** The tender can be looked up by anyone: on Prozorro or in DREAM, with its identifier. */
  hasTransparentProcurement: boolean;
  /** Money that comes with an international lender's or donor's own checks. */
  hasInternationalOversight: boolean;
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
  cityKey: string;
  mineActionCountries: string[];
  postConflictCountries: string[];
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

export const normaliseCity = (city: string) => city.trim().toLowerCase().replace(/[\s-]+shi$/, '');

export function prepareNeed(need: MatchNeed, asOf: Date): PreparedNeed {
  const mask = capabilityMask(need.requiredCapabilities);
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
    hasTransparentProcurement:
      (need.procurementMethod === 'PROZORRO' && !!need.prozorroTenderId) ||
      (need.procurementMethod === 'DREAM' && !!need.dreamProjectId),
    hasInternationalOversight: OVERSIGHT_FUNDING.has(need.fundingSource),
  };
}

export function prepareCompany(company: MatchCompany): PreparedCompany {
  const mask = capabilityMask(company.capabilities);
  let sectorMask = 0;
  for (const sector of company.sectors) sectorMask |= sectorBit(sector);
  let stageMask = 0;
  for (const stage of company.stages) stageMask |= stage === 'RAPID_RECOVERY' ? 1 : 2;
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
    cityKey: normaliseCity(company.cityEn),
    mineActionCountries: company.experienceCountries.filter((c) => MINE_CONTAMINATED_COUNTRIES.has(c)),
    postConflictCountries: company.experienceCountries.filter((c) => POST_CONFLICT_COUNTRIES.has(c)),
  };
}

export const stageBit = (stage: string) => (stage === 'RAPID_RECOVERY' ? 1 : 2);

export { popcount } from './bits';
