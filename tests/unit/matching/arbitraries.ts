import fc from 'fast-check';
import {
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
} from '../../../lib/generated/prisma/enums';
import { DEFAULT_POLICY, type MatchCompany, type MatchContext, type MatchingPolicy, type MatchNeed } from '../../../lib/matching';

const oneOf = <T extends string>(values: Record<string, T>) => fc.constantFrom(...Object.values(values));
const someOf = <T extends string>(values: Record<string, T>, min = 0) =>
  fc.uniqueArray(oneOf(values), { minLength: min, maxLength: Object.values(values).length });

const day = fc.date({ min: new Date('2014-01-01'), max: new Date('2027-12-31'), noInvalidDate: true });

export const sitePeriod = fc
  .record({ status: oneOf(HostilityStatus).filter((s) => s !== 'NONE'), isWholeHromada: fc.boolean(), start: day, length: fc.option(fc.integer({ min: 0, max: 2000 })) })
  .map(({ length, start, ...rest }) => ({ ...rest, start, end: length === null ? null : new Date(start.getTime() + length * 86_400_000) }));

export const need: fc.Arbitrary<MatchNeed> = fc.record({
  id: fc.uuid(),
  sector: oneOf(SectorCode),
  stage: oneOf(Stage),
  requiredCapabilities: someOf(Capability),
  budgetAmount: fc.option(fc.integer({ min: 0, max: 2_000_000_000 })),
  budgetCurrency: oneOf(Currency),
  fundingSource: oneOf(FundingSource),
  procurementMethod: oneOf(ProcurementMethod),
  prozorroTenderId: fc.option(fc.constant('UA-2025-01-01-000001-a')),
  dreamProjectId: fc.option(fc.constant('DREAM-X-1')),
  tenderEvidence: fc.option(fc.record({
    source: fc.constantFrom('PROZORRO' as const, 'DREAM' as const),
    verifiedOn: fc.constant('2026-11-20'),
    procedure: fc.option(fc.constantFrom('open', 'selective', 'limited', 'direct')),
    bids: fc.option(fc.integer({ min: 0, max: 30 })),
    funders: fc.array(fc.constantFrom('European Investment Bank', 'EBRD', 'JICA'), { maxLength: 2 }),
  })),
  site: fc.record({
    hromadaCode: fc.constant('UA80000000000093317'),
    periods: fc.array(sitePeriod, { maxLength: 4 }),
    sisterTies: fc.array(fc.constantFrom(
      { kind: 'CITY', japanCode: '141003', prefectureCode: '14', nameJa: '横浜市', nameEn: 'Yokohama', sinceYear: 1965 } as const,
      { kind: 'CITY', japanCode: '261009', prefectureCode: '26', nameJa: '京都市', nameEn: 'Kyoto', sinceYear: 1971 } as const,
      { kind: 'PREFECTURE', japanCode: '140007', prefectureCode: '14', nameJa: '神奈川県', nameEn: 'Kanagawa', sinceYear: 1986 } as const,
    ), { maxLength: 2 }),
  }),
}).map((n) => ({ ...n, budgetCurrency: n.budgetAmount === null ? null : n.budgetCurrency }));

export const company: fc.Arbitrary<MatchCompany> = fc.record({
  id: fc.uuid(),
  sectors: someOf(SectorCode, 1),
  capabilities: someOf(Capability),
  riskAppetite: oneOf(RiskAppetite),
  deliveryModes: someOf(DeliveryMode, 1),
  stages: someOf(Stage, 1),
  tenderRequirement: oneOf(TenderRequirement),
  maxProjectEur: fc.option(fc.integer({ min: 1, max: 1_000_000_000 })),
  estimatedCapacityEur: fc.integer({ min: 100_000, max: 1_000_000_000 }),
  isSme: fc.boolean(),
  prefectureCode: fc.constantFrom('14', '26', '27', '13', '40'),
  region: oneOf(JapanRegion),
  cityEn: fc.constantFrom('Yokohama', 'Kyoto', 'Osaka', 'Sakai', 'Fukuoka'),
  cityCode: fc.constantFrom('141003', '261009', '271004', '271403', null),
  experienceCountries: fc.uniqueArray(fc.constantFrom('KH', 'IQ', 'AF', 'BA', 'US', 'VN', 'TL'), { maxLength: 3 }),
  hasDisasterReconstructionExperience: fc.boolean(),
});

export const context: fc.Arbitrary<MatchContext> = fc.record({
  asOf: fc.date({ min: new Date('2022-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
  companyRegisteredInterest: fc.boolean(),
  municipalityInvitedCompany: fc.boolean(),
});

/** Any valid policy: integer weights adding up to 100, any hard constraints. */
export const policy: fc.Arbitrary<MatchingPolicy> = fc
  .record({
    cuts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }),
    hard: fc.record({ capability: fc.boolean(), security: fc.boolean(), integrity: fc.boolean(), stage: fc.boolean(), scale: fc.boolean() }),
  })
  .map(({ cuts, hard }) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    const names = Object.keys(DEFAULT_POLICY.weights) as (keyof MatchingPolicy['weights'])[];
    const weights = Object.fromEntries(names.map((name, i) => [name, points[i + 1] - points[i]])) as MatchingPolicy['weights'];
    return { weights, hardConstraints: hard };
  });
