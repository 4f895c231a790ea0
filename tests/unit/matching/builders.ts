import {
  evaluateMatch,
  type Criterion,
  type MatchCompany,
  type MatchContext,
  type MatchingPolicy,
  type MatchNeed,
  type MatchResult,
  type SitePeriod,
} from '../../../lib/matching';

// Plain engine inputs for example tests: a need, a company and a context that each criterion
// can be read off by itself, through the public functions only.

export const ASOF = new Date('2026-11-21');
export const CONTEXT: MatchContext = { asOf: ASOF, companyRegisteredInterest: false, municipalityInvitedCompany: false };

export const period = (status: SitePeriod['status'], start: string, end: string | null = null, isWholeHromada = true): SitePeriod => ({
  status, isWholeHromada, start: new Date(start), end: end ? new Date(end) : null,
});

export const makeNeed = (fields: Partial<MatchNeed> = {}, site: Partial<MatchNeed['site']> = {}): MatchNeed => ({
  id: 'need', sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', requiredCapabilities: ['WATER_PURIFICATION'],
  budgetAmount: 1_000_000, budgetCurrency: 'EUR', fundingSource: 'MUNICIPAL_BUDGET', procurementMethod: 'NONE',
  prozorroTenderId: null, dreamProjectId: null, ...fields,
  site: { hromadaCode: 'UA46060250000025047', periods: [], sisterTies: [], ...fields.site, ...site },
});

export const makeCompany = (fields: Partial<MatchCompany> = {}): MatchCompany => ({
  id: 'company', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], riskAppetite: 'NO_HOSTILITIES',
  deliveryModes: ['ON_SITE'], stages: ['RAPID_RECOVERY'], tenderRequirement: 'NONE', maxProjectEur: 2_000_000,
  estimatedCapacityEur: 2_000_000, isSme: true, prefectureCode: '13', region: 'KANTO', cityEn: 'Chiyoda', cityCode: '131016', experienceCountries: [], hasDisasterReconstructionExperience: false, ...fields,
});

/** Only the sector constraint, which is always hard. */
export const NO_HARD: MatchingPolicy['hardConstraints'] = { capability: false, security: false, integrity: false, stage: false, scale: false };

/** All 100 points on one criterion: the score is then 100 × that criterion's fraction, rounded. */
export const weighOnly = (criterion: Criterion, hardConstraints: MatchingPolicy['hardConstraints'] = NO_HARD): MatchingPolicy => ({
  weights: { capability: 0, security: 0, integrity: 0, stage: 0, scale: 0, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 0, [criterion]: 100 },
  hardConstraints,
});

export const scoredOrThrow = (result: MatchResult) => {
  if (result.kind !== 'scored') throw new Error(`expected a score, got ${JSON.stringify(result.failed)}`);
  return result;
};

/** The points (out of 100) and the reason one criterion gives the pair. */
export function read(criterion: Criterion, need: MatchNeed, company: MatchCompany, context: MatchContext = CONTEXT) {
  const result = scoredOrThrow(evaluateMatch(need, company, context, weighOnly(criterion)));
  const entry = result.entries.find((e) => e.criterion === criterion)!;
  return { points: entry.points, score: result.score, code: entry.reason.code, params: entry.reason.params };
}
