import { z } from 'zod';
import { estimateCapacityEur } from '../companies/capacity';
import { isSme } from '../companies/sme';
import type { Db } from '../db';
import { kyivDay } from '../hostility-list/calendar';
import { evaluateMatch } from '../matching/evaluate';
import type { MatchingPolicy, VersionedPolicy } from '../matching/policy';
import type { MatchCompany, MatchNeed, MatchResult } from '../matching/types';
import { loadInterests, loadSites } from './inputs';
import { getCurrentPolicy } from './policy';
import { Prisma } from '../generated/prisma/client';

// A pair judged now, whether or not a stored list holds it: stored matches keep only the top of
// each list, so an excluded company, or one ranked below every list's floor, has no row to show.
// Read from the live rows (not the ranking's narrow profiles), so the reader sees their own
// latest answers.

/** Why a pair is not judged at all: the need is not open, or one side is not verified. */
export type NotJudged = 'needNotOpen' | 'municipalityNotVerified' | 'companyNotVerified';

export type PairAssessment =
  | { kind: 'notJudged'; why: NotJudged }
  | {
      kind: 'judged';
      policyVersion: number;
      result: MatchResult;
      /**
       * Excluded pairs only: the points it would have with every hard constraint off (and, when
       * only its sectors exclude it, as if it worked in the need's sector). Never a ranking.
       */
      hypothetical: MatchResult | null;
    };

const needSelect = {
  id: true, sector: true, stage: true, requiredCapabilities: true, budgetAmount: true, budgetCurrency: true,
  fundingSource: true, procurementMethod: true, prozorroTenderId: true, dreamProjectId: true, hromadaCode: true,
  status: true, municipality: { select: { verificationStatus: true } },
} satisfies Prisma.NeedSelect;

const companySelect = {
  id: true, sectors: true, capabilities: true, riskAppetite: true, deliveryModes: true, stages: true,
  tenderRequirement: true, maxProjectEur: true, industry: true, capitalJpy: true, employees: true,
  prefectureCode: true, cityEn: true, experienceCountries: true, hasDisasterReconstructionExperience: true,
  verificationStatus: true, prefecture: { select: { region: true } }, municipality: { select: { cityCode: true } },
} satisfies Prisma.CompanySelect;

type NeedRow = Prisma.NeedGetPayload<{ select: typeof needSelect }>;
type CompanyRow = Prisma.CompanyGetPayload<{ select: typeof companySelect }>;

function toMatchNeed(row: NeedRow, site: MatchNeed['site'] | undefined): MatchNeed {
  return {
    id: row.id, sector: row.sector, stage: row.stage, requiredCapabilities: row.requiredCapabilities,
    budgetAmount: row.budgetAmount === null ? null : Number(row.budgetAmount), budgetCurrency: row.budgetCurrency,
    fundingSource: row.fundingSource, procurementMethod: row.procurementMethod,
    prozorroTenderId: row.prozorroTenderId, dreamProjectId: row.dreamProjectId,
    site: site ?? { hromadaCode: row.hromadaCode, periods: [], sisterTies: [] },
  };
}

function toMatchCompany(row: CompanyRow): MatchCompany {
  return {
    id: row.id, sectors: row.sectors, capabilities: row.capabilities, riskAppetite: row.riskAppetite,
    deliveryModes: row.deliveryModes, stages: row.stages, tenderRequirement: row.tenderRequirement,
    maxProjectEur: row.maxProjectEur, estimatedCapacityEur: estimateCapacityEur(row), isSme: isSme(row), prefectureCode: row.prefectureCode,
    region: row.prefecture.region, cityEn: row.cityEn, cityCode: row.municipality?.cityCode ?? null, experienceCountries: row.experienceCountries,
    hasDisasterReconstructionExperience: row.hasDisasterReconstructionExperience,
  };
}

/** The policy with every hard constraint it can switch off switched off. */
export function withoutHardConstraints(policy: MatchingPolicy): MatchingPolicy {
  const off = Object.fromEntries(Object.keys(policy.hardConstraints).map((key) => [key, false]));
  return { weights: policy.weights, hardConstraints: off as MatchingPolicy['hardConstraints'] };
}

function judge(need: MatchNeed, company: MatchCompany, context: Parameters<typeof evaluateMatch>[2], policy: VersionedPolicy) {
  const result = evaluateMatch(need, company, context, policy);
  if (result.kind !== 'excluded') return { kind: 'judged' as const, policyVersion: policy.version, result, hypothetical: null };
  // Sector fit is always hard (lib/matching/constraints.ts): the points it would have in its sector.
  const inSector = company.sectors.includes(need.sector) ? company : { ...company, sectors: [...company.sectors, need.sector] };
  const hypothetical = evaluateMatch(need, inSector, context, withoutHardConstraints(policy));
  return { kind: 'judged' as const, policyVersion: policy.version, result, hypothetical };
}

/**
 * One need against several companies, judged now under the policy in force. Callers check who
 * may read the pairs; this only reads. Companies not found are left out of the map.
 */
export async function assessPairs(db: Db, needId: string, companyIds: string[], asOf = kyivDay()): Promise<Map<string, PairAssessment>> {
  const out = new Map<string, PairAssessment>();
  if (!z.uuid().safeParse(needId).success) return out;
  const ids = companyIds.filter((id) => z.uuid().safeParse(id).success);
  const [needRow, companies, policy] = await Promise.all([
    db.need.findUnique({ where: { id: needId }, select: needSelect }),
    ids.length ? db.company.findMany({ where: { id: { in: ids } }, select: companySelect }) : Promise.resolve([]),
    getCurrentPolicy(db),
  ]);
  if (!needRow) return out;
  const [sites, interests] = await Promise.all([
    loadSites(db, [needRow.hromadaCode]),
    loadInterests(db, Prisma.sql`i."needId" = ${needId}::uuid`),
  ]);
  const need = toMatchNeed(needRow, sites.get(needRow.hromadaCode));
  for (const row of companies) {
    let why: NotJudged | null = null;
    if (needRow.status !== 'OPEN') why = 'needNotOpen';
    else if (needRow.municipality.verificationStatus !== 'VERIFIED') why = 'municipalityNotVerified';
    else if (row.verificationStatus !== 'VERIFIED') why = 'companyNotVerified';
    if (why) {
      out.set(row.id, { kind: 'notJudged', why });
      continue;
    }
    const interest = interests.get(`${needId}:${row.id}`);
    const context = { asOf, companyRegisteredInterest: interest?.asked ?? false, municipalityInvitedCompany: interest?.invited ?? false };
    out.set(row.id, judge(need, toMatchCompany(row), context, policy));
  }
  return out;
}
