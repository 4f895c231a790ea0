import { poolOf, type Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import {
  DeliveryMode,
  Stage,
  type JapanRegion,
  type RiskAppetite,
  type SmeIndustry,
  type TenderRequirement,
} from '../generated/prisma/enums';
import { isSme } from '../companies/sme';
import type { MatchingPolicy } from '../matching/policy';
import { TOLERANCE, type SiteStatus } from '../matching/site-security';
import type { MatchCompany } from '../matching/types';
import { CAPABILITY_VALUES, SECTOR_VALUES } from '../matching/vocabulary';

// The narrow company rows ranking reads (CompanyMatchProfile). A bit is a value's position in
// its PostgreSQL enum, which is the order of prisma/schema.prisma and of the generated enums the
// engine's masks use (tests/integration/company-profiles.test.ts holds the two together).

type Executor = Pick<Db, '$executeRaw'>;

const bitOf = (enumType: string, column: string, offset = 0, below?: number) => Prisma.raw(`
  (SELECT COALESCE(bit_or(1 << (array_position(enum_range(NULL::"${enumType}"), v) - 1 - ${offset})), 0)
     FROM unnest(c."${column}") v
    WHERE array_position(enum_range(NULL::"${enumType}"), v) > ${offset}
      ${below ? `AND array_position(enum_range(NULL::"${enumType}"), v) <= ${below}` : ''})`);

/** Writes the profiles of the companies matching `where` (alias c). One statement, any count. */
export async function syncCompanyProfiles(db: Executor, where: Prisma.Sql): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "CompanyMatchProfile" ("companyId", "isEligible", "sectorMask", "capabilityLo", "capabilityHi", "riskAppetite",
      "deliveryMask", "stageMask", "tenderRequirement", "maxProjectEur", industry, "capitalJpy", employees, "prefectureCode",
      region, "cityEn", "cityCode", "experienceCountries", "hasDisasterReconstructionExperience")
    SELECT c.id, c."verificationStatus" = 'VERIFIED', ${bitOf('SectorCode', 'sectors')}, ${bitOf('Capability', 'capabilities', 0, 30)},
      ${bitOf('Capability', 'capabilities', 30)}, c."riskAppetite", ${bitOf('DeliveryMode', 'deliveryModes')}, ${bitOf('Stage', 'stages')},
      c."tenderRequirement", c."maxProjectEur", c.industry, c."capitalJpy", c.employees, c."prefectureCode", p.region, c."cityEn",
      m."cityCode", c."experienceCountries", c."hasDisasterReconstructionExperience"
    FROM "Company" c JOIN "Prefecture" p ON p.code = c."prefectureCode"
      LEFT JOIN "JapanMunicipality" m ON m.code = c."municipalityCode"
    WHERE ${where}
    ON CONFLICT ("companyId") DO UPDATE SET
      "isEligible" = EXCLUDED."isEligible", "sectorMask" = EXCLUDED."sectorMask", "capabilityLo" = EXCLUDED."capabilityLo",
      "capabilityHi" = EXCLUDED."capabilityHi", "riskAppetite" = EXCLUDED."riskAppetite", "deliveryMask" = EXCLUDED."deliveryMask",
      "stageMask" = EXCLUDED."stageMask", "tenderRequirement" = EXCLUDED."tenderRequirement", "maxProjectEur" = EXCLUDED."maxProjectEur",
      industry = EXCLUDED.industry, "capitalJpy" = EXCLUDED."capitalJpy", employees = EXCLUDED.employees,
      "prefectureCode" = EXCLUDED."prefectureCode", region = EXCLUDED.region, "cityEn" = EXCLUDED."cityEn",
      "cityCode" = EXCLUDED."cityCode",
      "experienceCountries" = EXCLUDED."experienceCountries",
      "hasDisasterReconstructionExperience" = EXCLUDED."hasDisasterReconstructionExperience"`;
}

export type CompanyInput = MatchCompany & { matchFloor: number };

const DELIVERY_VALUES = Object.values(DeliveryMode);
const STAGE_VALUES = Object.values(Stage);

function fromMask<T>(values: readonly T[], mask: number, offset = 0): T[] {
  const out: T[] = [];
  for (let i = 0; i < 30 && offset + i < values.length; i += 1) if (mask & (1 << i)) out.push(values[offset + i]);
  return out;
}

type ProfileRow = [
  id: string, sectorMask: number, capabilityLo: number, capabilityHi: number, riskAppetite: RiskAppetite,
  deliveryMask: number, stageMask: number, tenderRequirement: TenderRequirement, maxProjectEur: number | null,
  industry: SmeIndustry, capitalJpy: string, employees: number, prefectureCode: string, region: JapanRegion,
  cityEn: string, cityCode: string | null, experienceCountries: string[] | null, hasDisaster: boolean, matchFloor: number,
];

const PROFILE_COLUMNS = `"companyId", "sectorMask", "capabilityLo", "capabilityHi", "riskAppetite", "deliveryMask", "stageMask",
  "tenderRequirement", "maxProjectEur", industry, "capitalJpy", employees, "prefectureCode", region, "cityEn", "cityCode",
  "experienceCountries", "hasDisasterReconstructionExperience", "matchFloor"`;

function toCompany(row: ProfileRow): CompanyInput {
  const [id, sectorMask, lo, hi, riskAppetite, deliveryMask, stageMask, tenderRequirement, maxProjectEur, industry,
    capitalJpy, employees, prefectureCode, region, cityEn, cityCode, experienceCountries, hasDisaster, matchFloor] = row;
  return {
    id,
    sectors: fromMask(SECTOR_VALUES, sectorMask),
    capabilities: [...fromMask(CAPABILITY_VALUES, lo), ...fromMask(CAPABILITY_VALUES, hi, 30)],
    riskAppetite,
    deliveryModes: fromMask(DELIVERY_VALUES, deliveryMask),
    stages: fromMask(STAGE_VALUES, stageMask),
    tenderRequirement,
    maxProjectEur,
    isSme: isSme({ industry, capitalJpy: BigInt(capitalJpy), employees }),
    prefectureCode,
    region,
    cityEn,
    cityCode,
    experienceCountries: experienceCountries ?? [],
    hasDisasterReconstructionExperience: hasDisaster,
    matchFloor,
  };
}

async function queryProfiles(db: Db, where: string, values: unknown[]): Promise<CompanyInput[]> {
  const result = await poolOf(db).query<ProfileRow>({
    text: `SELECT ${PROFILE_COLUMNS} FROM "CompanyMatchProfile" WHERE "isEligible" AND ${where}`,
    values,
    rowMode: 'array',
  });
  return result.rows.map(toCompany);
}

const REMOTE_MASK = ['SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN']
  .reduce((mask, mode) => mask | (1 << DELIVERY_VALUES.indexOf(mode as DeliveryMode)), 0);

/**
 * The companies that can match a need: eligible, working in its sector, and — when the policy
 * makes them hard — not refusing its site or its procurement. Pairs the engine would exclude
 * anyway are never read.
 */
export async function loadCandidateCompanies(
  db: Db,
  need: { sectorBit: number; site: SiteStatus; hasTransparentProcurement: boolean; hasInternationalOversight: boolean },
  policy: MatchingPolicy,
): Promise<CompanyInput[]> {
  const filters = ['"sectorMask" & $1 <> 0'];
  const values: unknown[] = [need.sectorBit];
  if (policy.hardConstraints.security) {
    const { site } = need;
    if (site.severity === 4 && site.isWholeHromada) return [];
    if (site.severity > 0) filters.push(`"riskAppetite" <> 'AFTER_CEASEFIRE_ONLY'`);
    if (site.effectiveSeverity > 0) {
      values.push((Object.keys(TOLERANCE) as RiskAppetite[]).filter((a) => TOLERANCE[a] >= site.effectiveSeverity));
      filters.push(`("riskAppetite"::text = ANY($${values.length}) OR "deliveryMask" & ${REMOTE_MASK} <> 0)`);
    }
  }
  if (policy.hardConstraints.integrity) {
    const allowed = ['NONE'];
    if (need.hasTransparentProcurement) allowed.push('TRANSPARENT_TENDER');
    if (need.hasInternationalOversight) allowed.push('IFI_OR_DONOR_OVERSIGHT');
    values.push(allowed);
    filters.push(`"tenderRequirement"::text = ANY($${values.length})`);
  }
  return queryProfiles(db, filters.join(' AND '), values);
}

export async function loadCompanyProfiles(db: Db, ids: string[] | 'all'): Promise<CompanyInput[]> {
  return ids === 'all' ? queryProfiles(db, 'true', []) : queryProfiles(db, '"companyId" = ANY($1::uuid[])', [ids]);
}
