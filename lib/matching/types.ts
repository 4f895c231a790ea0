import type {
  Capability,
  Currency,
  DeliveryMode,
  FundingSource,
  HostilityStatus,
  JapanRegion,
  ProcurementMethod,
  RiskAppetite,
  SectorCode,
  Stage,
  TenderRequirement,
} from '../generated/prisma/enums';

// Plain inputs of the matching engine. The database layer (lib/match-store) builds them; tests
// and the benchmark build them by hand. Nothing here knows about Prisma or Next.js.

export type SitePeriod = {
  status: HostilityStatus;
  /** True when the period covers the whole hromada (a row for it, its raion or its oblast). */
  isWholeHromada: boolean;
  start: Date;
  /** null while the status is in force. */
  end: Date | null;
};

/**
 * A sister tie reaching a need's hromada, keyed by code (SisterCityLink): CITY ties a Japanese
 * city (japanCode: its 全国地方公共団体コード) to the hromada itself; PREFECTURE ties a prefecture
 * (japanCode: the prefecture's code) to the hromada's oblast. Names are for the reason only.
 */
export type SisterTie = {
  kind: 'CITY' | 'PREFECTURE';
  japanCode: string;
  prefectureCode: string;
  nameJa: string;
  nameEn: string;
  sinceYear: number;
};

/**
 * What published procurement data (Prozorro, DREAM) verified about the need's tender. Only a
 * record read from a valid package reaches the engine; anything else is null.
 */
export type VerifiedTender = {
  source: 'PROZORRO' | 'DREAM';
  /** YYYY-MM-DD: the day the record was read. */
  verifiedOn: string;
  /** OCDS procurementMethod: open, selective, limited, direct; null when the record has no tender. */
  procedure: string | null;
  /** Bids received, null when the record does not say. */
  bids: number | null;
  /** Names of the parties with the role "funder". */
  funders: readonly string[];
};

export type MatchNeed = {
  id: string;
  sector: SectorCode;
  stage: Stage;
  requiredCapabilities: readonly Capability[];
  budgetAmount: number | null;
  budgetCurrency: Currency | null;
  fundingSource: FundingSource;
  procurementMethod: ProcurementMethod;
  prozorroTenderId: string | null;
  dreamProjectId: string | null;
  /** Verified facts outweigh the declared funding and procurement method. Absent: none. */
  tenderEvidence?: VerifiedTender | null;
  site: {
    hromadaCode: string;
    periods: readonly SitePeriod[];
    sisterTies: readonly SisterTie[];
  };
};

export type MatchCompany = {
  id: string;
  sectors: readonly SectorCode[];
  capabilities: readonly Capability[];
  riskAppetite: RiskAppetite;
  deliveryModes: readonly DeliveryMode[];
  stages: readonly Stage[];
  tenderRequirement: TenderRequirement;
  /** The largest project the company says it can take on; null when it left that to the estimate. */
  maxProjectEur: number | null;
  /** What it can take on, estimated from its capital and staff (lib/companies/capacity.ts). */
  estimatedCapacityEur: number;
  isSme: boolean;
  prefectureCode: string;
  region: JapanRegion;
  cityEn: string;
  /**
   * The company's city on the official list (全国地方公共団体コード), for sister ties: a company
   * in a ward of a designated city carries the city's code (横浜市中区 141046 → 横浜市 141003),
   * resolved through JapanMunicipality.cityCode. null when the company has not picked one.
   */
  cityCode: string | null;
  /** ISO 3166-1 alpha-2. */
  experienceCountries: readonly string[];
  hasDisasterReconstructionExperience: boolean;
};

export type MatchContext = {
  /** The day the site's status is judged on: a period that ended before it is history. */
  asOf: Date;
  companyRegisteredInterest: boolean;
  municipalityInvitedCompany: boolean;
};

export const CRITERIA = [
  'capability',
  'security',
  'integrity',
  'stage',
  'scale',
  'kansai',
  'sisterCity',
  'experience',
  'reciprocal',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const HARD_CONSTRAINTS = ['sector', 'capability', 'security', 'integrity', 'stage', 'scale'] as const;
export type HardConstraint = (typeof HARD_CONSTRAINTS)[number];

export type ReasonParams = Record<string, string | number | boolean | readonly string[]>;

/** A reason the interface renders in Japanese, Ukrainian or English from its code and params. */
export type Reason = { code: string; params: ReasonParams };

export type ScoreEntry = {
  criterion: Criterion;
  points: number;
  maxPoints: number;
  reason: Reason;
};

export type FailedConstraint = { constraint: HardConstraint; reason: Reason };

export type MatchResult =
  | { kind: 'excluded'; failed: FailedConstraint[] }
  | { kind: 'scored'; score: number; entries: ScoreEntry[] };
