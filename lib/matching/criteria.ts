import type { PreparedCompany, PreparedNeed } from './prepare';
import { coveredCapabilities, FAR_ABOVE_CAPACITY_FACTOR, siteVerdict, stageFits } from './rules';
import type { Criterion, MatchContext, ReasonParams, SisterTie } from './types';

// Each criterion returns how well a pair fits, from 0 to 1, and — only when asked to explain —
// says why through `say`. Optional calls skip their arguments, so scoring allocates nothing.

export type Say = (code: string, params?: ReasonParams) => void;
type CriterionFn = (need: PreparedNeed, company: PreparedCompany, context: MatchContext, say?: Say) => number;

const capabilityCodes = (need: PreparedNeed, company: PreparedCompany, has: boolean) =>
  need.need.requiredCapabilities.filter((capability) => company.company.capabilities.includes(capability) === has);

/**
 * Capability fit: the share of the need's required capabilities the company offers, in
 * proportion (two of four is half). A company offering none is excluded by the capability
 * constraint while the policy keeps it on.
 */
const capability: CriterionFn = (need, company, _context, say) => {
  if (need.requiredCount === 0) {
    say?.('NO_REQUIRED_CAPABILITIES');
    return 0.5;
  }
  const covered = coveredCapabilities(need, company);
  say?.(covered === need.requiredCount ? 'ALL_CAPABILITIES' : covered > 0 ? 'SOME_CAPABILITIES' : 'NO_REQUIRED_CAPABILITY', {
    covered: capabilityCodes(need, company, true),
    missing: capabilityCodes(need, company, false),
  });
  return covered / need.requiredCount;
};

/**
 * Security fit. "Security (starting from the cessation of hostilities)" is the first condition
 * Japanese companies set (Responsible Partnership); SMEs "are far more willing to take risks"
 * than large corporations (former ambassador Matsuda, Ukraine–Japan Forum 2025). Pairs the
 * company refuses are excluded in `securityConstraint`; this grades the rest.
 */
const security: CriterionFn = (need, company, _context, say) => {
  const { site } = need;
  const verdict = siteVerdict(site, company);
  if (verdict === 'SITE_OCCUPIED') {
    say?.('SITE_OCCUPIED');
    return 0;
  }
  if (verdict === 'WAITS_FOR_CEASEFIRE') {
    say?.('WAITS_FOR_CEASEFIRE', { status: site.status });
    return 0;
  }
  if (verdict === 'remoteOnly') {
    say?.('REMOTE_DELIVERY_ONLY', { status: site.status, appetite: company.company.riskAppetite });
    return 0.4;
  }
  if (verdict === 'BEYOND_RISK_APPETITE') {
    say?.('BEYOND_RISK_APPETITE', { status: site.status, appetite: company.company.riskAppetite });
    return 0;
  }
  if (site.effectiveSeverity === 0) {
    const cautious = company.tolerance === 0;
    if (site.recentlyEndedOn && cautious) {
      say?.('RECENT_HOSTILITIES', { endedOn: site.recentlyEndedOn.toISOString().slice(0, 10), partial: site.severity > 0 });
      return 0.8;
    }
    say?.(site.severity > 0 ? 'LISTED_SETTLEMENTS_ONLY' : 'NOT_ON_HOSTILITIES_LIST', { status: site.status });
    return 1;
  }
  const atEdge = site.effectiveSeverity === company.tolerance;
  say?.('WITHIN_RISK_APPETITE', { status: site.status, appetite: company.company.riskAppetite, isSme: company.company.isSme, atEdge });
  return (atEdge ? 0.75 : 0.9) * (company.isSme ? 1 : 0.8);
};

/**
 * Integrity and transparency. "How tenders will be conducted and companies be selected is a
 * matter of principle for the Japanese side", and corruption is judged by "international
 * financial institutions", not by self-declaration (Responsible Partnership). So what the
 * published record (Prozorro, DREAM) shows outweighs what the hromada declared: a verified
 * competitive tender scores above the same declared, and the reason says which it was.
 */
const integrity: CriterionFn = (need, _company, _context, say) => {
  const params = { procurement: need.need.procurementMethod, funding: need.need.fundingSource };
  const verified = need.verifiedTender;
  if (verified) {
    const facts = { source: verified.source, verifiedOn: verified.verifiedOn, procedure: verified.procedure ?? 'none', bids: verified.bids ?? -1 };
    if (!need.hasTransparentProcurement) {
      say?.('VERIFIED_NOT_COMPETITIVE', { ...facts, ...params });
      return need.hasInternationalOversight ? 0.4 : 0.1;
    }
    if (verified.funders.length > 0) {
      say?.('VERIFIED_TENDER_FUNDED', { ...facts, funders: verified.funders });
      return 1;
    }
    if (need.hasInternationalOversight) {
      say?.('VERIFIED_TENDER_DECLARED_FUNDING', { ...facts, funding: need.need.fundingSource });
      return 0.9;
    }
    say?.('VERIFIED_TENDER', { ...facts, funding: need.need.fundingSource });
    return 0.8;
  }
  if (need.hasTransparentProcurement && need.hasInternationalOversight) {
    say?.('TRANSPARENT_AND_OVERSEEN', params);
    return 0.75;
  }
  if (need.hasTransparentProcurement) {
    say?.('TRANSPARENT_TENDER', params);
    return 0.6;
  }
  if (need.hasInternationalOversight) {
    say?.('INTERNATIONAL_OVERSIGHT', params);
    return 0.5;
  }
  say?.('NO_TRANSPARENCY_SIGNAL', params);
  return 0.2;
};

/** Stage fit: Tokyo "clearly divides" rapid recovery and large-scale reconstruction. */
const stage: CriterionFn = (need, company, _context, say) => {
  if (stageFits(company.stageMask, need.stageBit)) {
    say?.('STAGE_MATCH', { stage: need.need.stage });
    return 1;
  }
  say?.('STAGE_MISMATCH', { stage: need.need.stage });
  return 0;
};

/** Scale fit: the need's budget against what the company can take on. */
const scale: CriterionFn = (need, company, _context, say) => {
  if (need.budgetEur === null) {
    say?.('BUDGET_UNKNOWN');
    return 0.5;
  }
  const ratio = need.budgetEur / company.capacityEur;
  const params = { budgetEur: Math.round(need.budgetEur), capacityEur: Math.round(company.capacityEur) };
  if (ratio > 1) {
    say?.('ABOVE_CAPACITY', params);
    // Above what the company says it can carry, it is not a lead contractor: less than half the
    // weight (the sentence is against the pair, polarity.ts), falling with the order of magnitude
    // to zero where the scale constraint excludes. It used to start at the full weight, so a
    // budget just above the capacity read "Scale 8/8" beside "above what it can take on".
    return Math.max(0, 0.5 * (1 - Math.log(ratio) / Math.log(FAR_ABOVE_CAPACITY_FACTOR)));
  }
  if (!company.isSme && ratio < 0.005) {
    say?.('SMALL_FOR_LARGE_COMPANY', params);
    return 0.6;
  }
  say?.('WITHIN_CAPACITY', params);
  return 1;
};

/** Osaka and Kansai hold the SMEs most willing to take risks (Matsuda, Ukraine–Japan Forum 2025). */
const kansai: CriterionFn = (_need, company, _context, say) => {
  if (company.isKansai) {
    say?.('KANSAI_COMPANY', { prefectureCode: company.company.prefectureCode });
    return 1;
  }
  say?.('OUTSIDE_KANSAI', { prefectureCode: company.company.prefectureCode });
  return 0;
};

/**
 * Sister ties, compared by code (全国地方公共団体コード), never by spelling: 横浜市, "Yokohama",
 * "Yokohama City" and 横浜市中区 are all one city once picked from the list, because a company in
 * a designated city's ward carries the city's code (MatchCompany.cityCode). Kyoto–Kyiv, and
 * Yokohama's water purification for Odesa (Responsible Partnership).
 *  - 1: the company is in the Japanese city tied to the need's hromada;
 *  - 0.75: the company is in a prefecture tied to the hromada's oblast (Kanagawa–Odesa oblast):
 *    a real, older government tie, but between regions, so thinner than a city's own;
 *  - 0.5: the company is elsewhere in the prefecture of a tied city (a neighbour of the tie).
 */
const sisterCity: CriterionFn = (need, company, _context, say) => {
  let best: { score: number; tie: SisterTie } | null = null;
  for (const tie of need.need.site.sisterTies) {
    if (tie.prefectureCode !== company.prefectureCode) continue;
    const score = tie.kind !== 'CITY' ? 0.75 : tie.japanCode === company.cityCode ? 1 : 0.5;
    if (!best || score > best.score) best = { score, tie };
  }
  if (!best) {
    say?.('NO_SISTER_TIE');
    return 0;
  }
  const { tie } = best;
  const names = { cityJa: tie.nameJa, cityEn: tie.nameEn, sinceYear: tie.sinceYear };
  if (best.score === 1) say?.('SISTER_CITY', names);
  else if (best.score === 0.75) say?.('SISTER_PREFECTURE', names);
  else say?.('SISTER_CITY_PREFECTURE', { ...names, prefectureCode: company.company.prefectureCode });
  return best.score;
};

/**
 * Experience elsewhere: demining in Cambodia, reconstruction in Iraq, Afghanistan and Bosnia
 * and Herzegovina, and Japan's own rebuilding after disasters (Responsible Partnership).
 */
const experience: CriterionFn = (need, company, _context, say) => {
  if (need.isDemining && company.hasMineActionExperience) {
    say?.('MINE_ACTION_EXPERIENCE', { countries: company.mineActionCountries });
    return 1;
  }
  if (company.hasPostConflictExperience) {
    say?.('POST_CONFLICT_EXPERIENCE', { countries: company.postConflictCountries });
    return 0.8;
  }
  if (company.hasDisasterReconstructionExperience) {
    say?.('DISASTER_RECONSTRUCTION_EXPERIENCE');
    return 0.6;
  }
  say?.('NO_COMPARABLE_EXPERIENCE');
  return 0;
};

/** Reciprocal interest: the company asked, or the municipality invited. */
const reciprocal: CriterionFn = (_need, _company, context, say) => {
  const { companyRegisteredInterest: asked, municipalityInvitedCompany: invited } = context;
  if (asked || invited) {
    say?.(asked && invited ? 'MUTUAL_INTEREST' : asked ? 'COMPANY_REGISTERED_INTEREST' : 'MUNICIPALITY_INVITED');
    return 1;
  }
  say?.('NO_INTEREST_YET');
  return 0;
};

export const CRITERION_FNS: Record<Criterion, CriterionFn> = {
  capability,
  security,
  integrity,
  stage,
  scale,
  kansai,
  sisterCity,
  experience,
  reciprocal,
};
