import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { HostilityStatus, RiskAppetite } from '../generated/prisma/enums';
import { isSme } from '../companies/sme';
import type { MatchingPolicy } from '../matching/policy';
import type { MatchCompany, MatchNeed } from '../matching/types';
import { TOLERANCE, type SiteStatus } from '../matching/site-security';

// Turns rows into the matching engine's plain inputs. Raw SQL with only the columns the engine
// reads: ranking one need reads thousands of companies, and every column costs.

type Executor = Pick<Db, '$queryRaw'>;

type CompanyRow = {
  id: string;
  sectors: string[];
  capabilities: string[];
  riskAppetite: RiskAppetite;
  deliveryModes: string[];
  stages: string[];
  tenderRequirement: string;
  maxProjectEur: number | null;
  industry: string;
  capitalJpy: bigint | string;
  employees: number;
  prefectureCode: string;
  region: string;
  cityEn: string;
  experienceCountries: string[];
  hasDisasterReconstructionExperience: boolean;
  matchFloor: number;
};

export type CompanyInput = MatchCompany & { matchFloor: number };
export type NeedInput = MatchNeed & { matchFloor: number; municipalityId: string };

const ELIGIBLE_COMPANY = Prisma.sql`c."verificationStatus" = 'VERIFIED'`;

const companyColumns = Prisma.sql`
  c.id, c.sectors::text[] AS sectors, c.capabilities::text[] AS capabilities, c."riskAppetite"::text AS "riskAppetite",
  c."deliveryModes"::text[] AS "deliveryModes", c.stages::text[] AS stages, c."tenderRequirement"::text AS "tenderRequirement",
  c."maxProjectEur", c.industry::text AS industry, c."capitalJpy", c.employees, c."prefectureCode", p.region::text AS region,
  c."cityEn", c."experienceCountries", c."hasDisasterReconstructionExperience", c."matchFloor"`;

function toCompany(row: CompanyRow): CompanyInput {
  const { industry, capitalJpy, employees, ...rest } = row;
  return {
    ...(rest as unknown as Omit<CompanyInput, 'isSme'>),
    employees,
    isSme: isSme({ industry: industry as never, capitalJpy: BigInt(capitalJpy), employees }),
  } as CompanyInput;
}

const REMOTE_MODES = Prisma.sql`ARRAY['SUPPLY_ONLY','REMOTE_SUPPORT','TRAINING_IN_JAPAN']::"DeliveryMode"[]`;

/**
 * The companies that can match a need: verified, working in its sector (GIN index on sectors),
 * and — when the policy makes them hard — not refusing its site or its procurement. Pairs the
 * engine would exclude anyway are never read.
 */
export async function loadCandidateCompanies(
  db: Executor,
  need: { sector: string; site: SiteStatus; hasTransparentProcurement: boolean; hasInternationalOversight: boolean },
  policy: MatchingPolicy,
): Promise<CompanyInput[]> {
  const filters = [ELIGIBLE_COMPANY, Prisma.sql`c.sectors @> ARRAY[${need.sector}]::"SectorCode"[]`];
  if (policy.hardConstraints.security) {
    const { site } = need;
    if (site.severity === 4 && site.isWholeHromada) return [];
    if (site.severity > 0) filters.push(Prisma.sql`c."riskAppetite" <> 'AFTER_CEASEFIRE_ONLY'`);
    if (site.effectiveSeverity > 0) {
      const tolerant = (Object.keys(TOLERANCE) as RiskAppetite[]).filter((a) => TOLERANCE[a] >= site.effectiveSeverity);
      filters.push(
        tolerant.length
          ? Prisma.sql`(c."riskAppetite"::text IN (${Prisma.join(tolerant)}) OR c."deliveryModes" && ${REMOTE_MODES})`
          : Prisma.sql`c."deliveryModes" && ${REMOTE_MODES}`,
      );
    }
  }
  if (policy.hardConstraints.integrity) {
    const allowed = ['NONE'];
    if (need.hasTransparentProcurement) allowed.push('TRANSPARENT_TENDER');
    if (need.hasInternationalOversight) allowed.push('IFI_OR_DONOR_OVERSIGHT');
    filters.push(Prisma.sql`c."tenderRequirement"::text IN (${Prisma.join(allowed)})`);
  }
  const rows = await db.$queryRaw<CompanyRow[]>`
    SELECT ${companyColumns}
    FROM "Company" c JOIN "Prefecture" p ON p.code = c."prefectureCode"
    WHERE ${Prisma.join(filters, ' AND ')}`;
  return rows.map(toCompany);
}

export async function loadCompanies(db: Executor, where: Prisma.Sql): Promise<CompanyInput[]> {
  const rows = await db.$queryRaw<CompanyRow[]>`
    SELECT ${companyColumns}
    FROM "Company" c JOIN "Prefecture" p ON p.code = c."prefectureCode"
    WHERE ${ELIGIBLE_COMPANY} AND ${where}`;
  return rows.map(toCompany);
}

type NeedRow = {
  id: string;
  municipalityId: string;
  sector: string;
  stage: string;
  requiredCapabilities: string[];
  budgetAmount: string | null;
  budgetCurrency: string | null;
  fundingSource: string;
  procurementMethod: string;
  prozorroTenderId: string | null;
  dreamProjectId: string | null;
  hromadaCode: string;
  matchFloor: number;
};

type SiteRow = {
  hromadaCode: string;
  periods: { status: HostilityStatus; whole: boolean; start: string; end: string | null }[] | null;
  ties: { prefectureCode: string; cityEn: string; sinceYear: number }[] | null;
};

/** Open needs of verified municipalities matching `where`, each with its site's periods and ties. */
export async function loadNeeds(db: Executor, where: Prisma.Sql): Promise<NeedInput[]> {
  const rows = await db.$queryRaw<NeedRow[]>`
    SELECT n.id, n."municipalityId", n.sector::text AS sector, n.stage::text AS stage,
      n."requiredCapabilities"::text[] AS "requiredCapabilities", n."budgetAmount"::text AS "budgetAmount",
      n."budgetCurrency"::text AS "budgetCurrency", n."fundingSource"::text AS "fundingSource",
      n."procurementMethod"::text AS "procurementMethod", n."prozorroTenderId", n."dreamProjectId",
      n."hromadaCode", n."matchFloor"
    FROM "Need" n JOIN "Municipality" m ON m.id = n."municipalityId"
    WHERE n.status = 'OPEN' AND m."verificationStatus" = 'VERIFIED' AND ${where}`;
  const sites = await loadSites(db, [...new Set(rows.map((row) => row.hromadaCode))]);
  return rows.map(({ budgetAmount, hromadaCode, ...row }) => ({
    ...(row as unknown as Omit<NeedInput, 'budgetAmount' | 'site'>),
    budgetAmount: budgetAmount === null ? null : Number(budgetAmount),
    site: sites.get(hromadaCode) ?? { hromadaCode, periods: [], sisterTies: [] },
  }));
}

export async function loadSites(db: Executor, hromadaCodes: string[]): Promise<Map<string, MatchNeed['site']>> {
  if (hromadaCodes.length === 0) return new Map();
  const rows = await db.$queryRaw<SiteRow[]>`
    SELECT h.code AS "hromadaCode",
      (SELECT json_agg(json_build_object('status', hp.status, 'whole', hp."territoryLevel" <> 'SETTLEMENT',
              'start', hp."startDate", 'end', hp."endDate"))
         FROM "HostilityPeriod" hp WHERE hp."hromadaCode" = h.code) AS periods,
      (SELECT json_agg(json_build_object('prefectureCode', s."prefectureCode", 'cityEn', s."cityEn", 'sinceYear', s."sinceYear"))
         FROM "SisterCityLink" s WHERE s."hromadaCode" = h.code) AS ties
    FROM "Hromada" h WHERE h.code = ANY(${hromadaCodes})`;
  return new Map(
    rows.map((row) => [
      row.hromadaCode,
      {
        hromadaCode: row.hromadaCode,
        periods: (row.periods ?? []).map((p) => ({
          status: p.status,
          isWholeHromada: p.whole,
          start: new Date(p.start),
          end: p.end === null ? null : new Date(p.end),
        })),
        sisterTies: row.ties ?? [],
      },
    ]),
  );
}

/** Interests between the given needs and companies, as `needId:companyId` → what was said. */
export async function loadInterests(
  db: Executor,
  where: Prisma.Sql,
): Promise<Map<string, { asked: boolean; invited: boolean }>> {
  const rows = await db.$queryRaw<{ needId: string; companyId: string; direction: string }[]>`
    SELECT i."needId", i."companyId", i.direction::text AS direction FROM "Interest" i
    WHERE i."withdrawnAt" IS NULL AND ${where}`;
  const interests = new Map<string, { asked: boolean; invited: boolean }>();
  for (const row of rows) {
    const key = `${row.needId}:${row.companyId}`;
    const entry = interests.get(key) ?? { asked: false, invited: false };
    if (row.direction === 'COMPANY_INTEREST') entry.asked = true;
    else entry.invited = true;
    interests.set(key, entry);
  }
  return interests;
}
