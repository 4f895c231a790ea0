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

export type SisterTie = { prefectureCode: string; cityEn: string; sinceYear: number };

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
