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
// status, the Kansai region and experience in mine-contaminated or post-conflict countries as bits,
// all in one integer (each column is a string the client allocates and parses, on every row:
// docs/benchmarks/matching.md, session 16), and what only an explanation reads (industry, region,
// city name, the countries' names) not at all. prepareCompany over the whole profile gives the same
// input but those names (tests/integration/company-profiles.test.ts).

const APPETITES = Object.values(RiskAppetite);
const TENDERS = Object.values(TenderRequirement);
const DELIVERY_VALUES = Object.values(DeliveryMode);
const REMOTE_MASK = REMOTE_DELIVERY_MODES.reduce((mask, mode) => mask | (1 << DELIVERY_VALUES.indexOf(mode)), 0);

const position = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((value, i) => `WHEN '${value}' THEN ${i}`).join(' ')} END`;

/** isSme (lib/companies/sme.ts) over a profile row (alias p): its thresholds, not a restatement of them. */
const IS_SME_SQL = `CASE p.industry ${Object.entries(SME_THRESHOLDS).map(([industry, limit]) =>
  `WHEN '${industry}' THEN p."capitalJpy" <= ${limit.capitalJpy} OR p.employees <= ${limit.employees}`).join(' ')} END`;

// The small fields share one integer's bits (one column to send and parse, not seven): each enum's
// position in four bits, then the profile's yes/no facts.
const APPETITE_SHIFT = 0;
const TENDER_SHIFT = 4;
const SMALL = { sme: 1 << 8, kansai: 1 << 9, disaster: 1 << 10, remote: 1 << 11, mineAction: 1 << 12, postConflict: 1 << 13 } as const;
const textArray = (values: Iterable<string>) => `ARRAY[${[...values].map((v) => `'${v}'`).join(', ')}]::text[]`;
if (APPETITES.length > 16 || TENDERS.length > 16) throw new Error('An enum outgrew its four bits in a scoring profile');

/**
 * The columns after the company's id, in the order ScoringProfile reads them (alias p). Every
 * term of the packed integer is never null (a null term would make the whole integer null): the
 * country list is nullable, so its two tests are COALESCEd, as the bound's are (bound.ts).
 */
export const SCORING_COLUMNS_AFTER_ID_OF_P = [
  'p."sectorMask"', 'p."capabilityLo"', 'p."capabilityHi"',
  // PostgreSQL gives << and | one precedence, left to right: each term in its own parentheses.
  `((${position('p."riskAppetite"', APPETITES)}) << ${APPETITE_SHIFT}) | ((${position('p."tenderRequirement"', TENDERS)}) << ${TENDER_SHIFT})
    | ((${IS_SME_SQL})::int * ${SMALL.sme}) | ((p.region = 'KANSAI')::int * ${SMALL.kansai})
    | (p."hasDisasterReconstructionExperience"::int * ${SMALL.disaster}) | (((p."deliveryMask" & ${REMOTE_MASK}) <> 0)::int * ${SMALL.remote})
    | (COALESCE(p."experienceCountries" && ${textArray(MINE_CONTAMINATED_COUNTRIES)}, false)::int * ${SMALL.mineAction})
    | (COALESCE(p."experienceCountries" && ${textArray(POST_CONFLICT_COUNTRIES)}, false)::int * ${SMALL.postConflict})`,
  'p."stageMask"', 'p."maxProjectEur"', 'p."capitalJpy"::float8', 'p.employees', 'p."prefectureCode"', 'p."cityCode"', 'p."matchFloor"',
].join(', ');

/** How many columns SCORING_COLUMNS_AFTER_ID_OF_P reads, for a statement that reads more after them. */
export const SCORING_COLUMN_COUNT = 11;

// Frozen: shared by every profile, so a write to it must fail, not spread.
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
    const small = row[offset + 4] as number;
    const appetite = APPETITES[(small >> APPETITE_SHIFT) & 15];
    const maxProjectEur = row[offset + 6] as number | null;
    this.sectorMask = row[offset + 1] as number;
    this.capabilityLo = row[offset + 2] as number;
    this.capabilityHi = row[offset + 3] as number;
    this.tolerance = TOLERANCE[appetite];
    this.waitsForCeasefire = appetite === 'AFTER_CEASEFIRE_ONLY';
    this.canDeliverRemotely = (small & SMALL.remote) !== 0;
    this.stageMask = row[offset + 5] as number;
    this.tenderRequirement = TENDERS[(small >> TENDER_SHIFT) & 15];
    this.capacityEur = maxProjectEur ?? estimateCapacityEur({ capitalJpy: row[offset + 7] as number, employees: row[offset + 8] as number });
    this.isSme = (small & SMALL.sme) !== 0;
    this.prefectureCode = row[offset + 9] as string;
    this.isKansai = (small & SMALL.kansai) !== 0;
    this.cityCode = row[offset + 10] as string | null;
    this.hasDisasterReconstructionExperience = (small & SMALL.disaster) !== 0;
    // Scoring reads whether a company worked in such a country; only an explanation names them
    // (and explains from the whole profile), as the rebuild's candidates (lib/matching/rank-all.ts).
    this.mineActionCountries = NO_COUNTRIES;
    this.postConflictCountries = NO_COUNTRIES;
    this.hasMineActionExperience = (small & SMALL.mineAction) !== 0;
    this.hasPostConflictExperience = (small & SMALL.postConflict) !== 0;
  }

  /** Only explaining a pair reads the company as names; a re-rank scores, and explanations read the whole profile. */
  get company(): MatchCompany {
    throw new Error('A re-rank’s profile is read for scoring only: explain a pair from its whole profile (loadCompanyProfiles)');
  }
}

/** A profile read as its id then SCORING_COLUMNS_AFTER_ID_OF_P from `offset` of an array-mode row. */
export const scoringCandidateFromRow = (row: unknown[], offset: number, winsTie?: boolean): PreparedCandidate =>
  ({ id: row[offset] as string, matchFloor: row[offset + SCORING_COLUMN_COUNT] as number, winsTie, prepared: new ScoringProfile(row, offset) });
