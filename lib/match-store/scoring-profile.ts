import { RiskAppetite, TenderRequirement } from '../generated/prisma/enums';
import { estimateCapacityEur } from '../companies/capacity';
import { SME_THRESHOLDS } from '../companies/sme';
import { REMOTE_DELIVERY_MODES } from '../matching/rules';
import { DeliveryMode } from '../generated/prisma/enums';
import { MINE_CONTAMINATED_COUNTRIES, POST_CONFLICT_COUNTRIES, type PreparedCompany } from '../matching/prepare';
import { TOLERANCE } from '../matching/site-security';
import type { MatchCompany } from '../matching/types';
import type { PreparedCandidate } from './profiles';

// A profile as a need's re-rank reads it: only what scoring reads, in the fewest bytes. A heavy
// need reads thousands of profiles beside its stored pairs, and each text byte is written by the
// server and parsed by the client (docs/benchmarks/matching.md, session 9). So the enums come as
// their positions (a CASE over enum constants compares type ids, no label is looked up), SME
// status and the Kansai region as booleans, and what only an explanation reads (industry, region,
// city name) not at all. prepareCompany over the whole profile gives the same input
// (tests/integration/company-profiles.test.ts).

const APPETITES = Object.values(RiskAppetite);
const TENDERS = Object.values(TenderRequirement);
const DELIVERY_VALUES = Object.values(DeliveryMode);
const REMOTE_MASK = REMOTE_DELIVERY_MODES.reduce((mask, mode) => mask | (1 << DELIVERY_VALUES.indexOf(mode)), 0);

const position = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((value, i) => `WHEN '${value}' THEN ${i}`).join(' ')} END`;

/** isSme (lib/companies/sme.ts) over a profile row (alias p): its thresholds, not a restatement of them. */
const IS_SME_SQL = `CASE p.industry ${Object.entries(SME_THRESHOLDS).map(([industry, limit]) =>
  `WHEN '${industry}' THEN p."capitalJpy" <= ${limit.capitalJpy} OR p.employees <= ${limit.employees}`).join(' ')} END`;

/** The columns after the company's id, in the order ScoringProfile reads them (alias p). */
export const SCORING_COLUMNS_AFTER_ID_OF_P = [
  'p."sectorMask"', 'p."capabilityLo"', 'p."capabilityHi"', position('p."riskAppetite"', APPETITES), 'p."deliveryMask"',
  'p."stageMask"', position('p."tenderRequirement"', TENDERS), 'p."maxProjectEur"', 'p."capitalJpy"', 'p.employees', IS_SME_SQL,
  'p."prefectureCode"', `p.region = 'KANSAI'`, 'p."cityCode"', 'p."experienceCountries"', 'p."hasDisasterReconstructionExperience"',
  'p."matchFloor"',
].join(', ');

// Frozen: shared by most profiles, so a write to it must fail, not spread.
const NO_COUNTRIES = Object.freeze([]) as unknown as string[];

/** The engine's input from a row of SCORING_COLUMNS_AFTER_ID_OF_P, read in place (no copy of the row per company). */
class ScoringProfile implements PreparedCompany {
  readonly sectorMask: number;
  readonly capabilityLo: number;
  readonly capabilityHi: number;
  readonly tolerance: number;
  readonly waitsForCeasefire: boolean;
  readonly isKansai: boolean;
  readonly canDeliverRemotely: boolean;
  readonly stageMask: number;
  readonly capacityEur: number;
  readonly mineActionCountries: string[];
  readonly postConflictCountries: string[];
  readonly isSme: boolean;
  readonly tenderRequirement: TenderRequirement;
  readonly prefectureCode: string;
  readonly cityCode: string | null;
  readonly hasDisasterReconstructionExperience: boolean;
  readonly hasMineActionExperience: boolean;
  readonly hasPostConflictExperience: boolean;

  constructor(row: unknown[], offset: number) {
    const appetite = APPETITES[row[offset + 4] as number];
    const maxProjectEur = row[offset + 8] as number | null;
    const countries = (row[offset + 15] as string[] | null) ?? NO_COUNTRIES;
    this.sectorMask = row[offset + 1] as number;
    this.capabilityLo = row[offset + 2] as number;
    this.capabilityHi = row[offset + 3] as number;
    this.tolerance = TOLERANCE[appetite];
    this.waitsForCeasefire = appetite === 'AFTER_CEASEFIRE_ONLY';
    this.canDeliverRemotely = ((row[offset + 5] as number) & REMOTE_MASK) !== 0;
    this.stageMask = row[offset + 6] as number;
    this.tenderRequirement = TENDERS[row[offset + 7] as number];
    this.capacityEur = maxProjectEur ?? estimateCapacityEur({ capitalJpy: Number(row[offset + 9] as string), employees: row[offset + 10] as number });
    this.isSme = row[offset + 11] as boolean;
    this.prefectureCode = row[offset + 12] as string;
    this.isKansai = row[offset + 13] as boolean;
    this.cityCode = row[offset + 14] as string | null;
    // Most companies name no country: they share one empty list (nothing writes to these).
    this.mineActionCountries = countries.length === 0 ? NO_COUNTRIES : countries.filter((c) => MINE_CONTAMINATED_COUNTRIES.has(c));
    this.postConflictCountries = countries.length === 0 ? NO_COUNTRIES : countries.filter((c) => POST_CONFLICT_COUNTRIES.has(c));
    this.hasDisasterReconstructionExperience = row[offset + 16] as boolean;
    this.hasMineActionExperience = this.mineActionCountries.length > 0;
    this.hasPostConflictExperience = this.postConflictCountries.length > 0;
  }

  /** Only explaining a pair reads the company as names; a re-rank scores, and explanations read the whole profile. */
  get company(): MatchCompany {
    throw new Error('A re-rank’s profile is read for scoring only: explain a pair from its whole profile (loadCompanyProfiles)');
  }
}

/** A profile read as its id then SCORING_COLUMNS_AFTER_ID_OF_P from `offset` of an array-mode row. */
export const scoringCandidateFromRow = (row: unknown[], offset: number): PreparedCandidate =>
  ({ id: row[offset] as string, matchFloor: row[offset + 17] as number, prepared: new ScoringProfile(row, offset) });
