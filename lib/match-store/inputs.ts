import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { HostilityStatus } from '../generated/prisma/enums';
import type { MatchNeed, SisterTie } from '../matching/types';
import { PROZORRO_OCID_PREFIX } from '../evidence/ocid';

// Turns need rows into the matching engine's plain inputs, with each site's hostility periods and
// sister-city ties. (Companies are read from their narrow profiles: profiles.ts.)

type Executor = Pick<Db, '$queryRaw'>;

export type NeedInput = MatchNeed & { matchFloor: number; municipalityId: string };

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
  evidence: { source: 'PROZORRO' | 'DREAM'; verifiedAt: string; procedure: string | null; bids: number | null; funders: { name: string }[] } | null;
};

type SiteRow = {
  hromadaCode: string;
  periods: { status: HostilityStatus; whole: boolean; start: string; end: string | null }[] | null;
  ties: SisterTie[] | null;
};

/**
 * The facts last read from the published record of the need's current tender (a record of an
 * identifier the hromada has since changed does not count). Facts stay verified as of their
 * date when a later fetch fails. The record of the declared platform comes first.
 */
const verifiedTender = Prisma.sql`(
  SELECT json_build_object('source', e.source, 'verifiedAt', to_char(e."verifiedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
    'procedure', e."procurementMethod", 'bids', e."numberOfTenderers", 'funders', e.funders)
  FROM "TenderEvidence" e
  WHERE e."needId" = n.id AND e."verifiedAt" IS NOT NULL
    AND ((e.source = 'PROZORRO' AND e.ocid = ${PROZORRO_OCID_PREFIX} || n."prozorroTenderId")
      OR (e.source = 'DREAM' AND (e.ocid = n."dreamProjectId" OR right(e.ocid, length(n."dreamProjectId") + 1) = '-' || n."dreamProjectId")))
  ORDER BY (e.source::text = n."procurementMethod"::text) DESC, e."verifiedAt" DESC LIMIT 1)`;

/**
 * The columns of "Need" that ranking reads (NEED_COLUMNS, the bounds over "Need" n, the pair
 * assessment): a change to any other — the title, the description, urgency, the language —
 * re-ranks nothing. tests/unit/ranked-need-columns.test.ts fails when the match store's ranking
 * files read a need column not listed here, as `n."column"` in their SQL or in the pair
 * assessment's select (queries.ts, which only shows lists, is left out). The status is listed
 * though no edit changes it: publishing, closing and verifying are operations of their own, which
 * always re-rank.
 */
export const RANKED_NEED_COLUMNS = [
  'municipalityId', 'sector', 'stage', 'requiredCapabilities', 'budgetAmount', 'budgetCurrency', 'fundingSource',
  'procurementMethod', 'prozorroTenderId', 'dreamProjectId', 'hromadaCode', 'matchFloor', 'status',
] as const;

/** A need's columns as Prisma reads and writes them, or some of them (an edit's). */
type NeedColumns = { readonly [column: string]: unknown };

/** Whether an edit of a need (`before` → `after`, columns as Prisma reads and writes them) changes what ranking reads. */
export function changesRanking(before: NeedColumns, after: NeedColumns): boolean {
  return RANKED_NEED_COLUMNS.some((column) => column in after && comparable(column, before[column]) !== comparable(column, after[column]));
}

// A budget is compared as the number ranking reads: a Decimal before, a string after (1000.50 =
// "1000.5"); required capabilities as a set, which is how ranking reads them.
const comparable = (column: (typeof RANKED_NEED_COLUMNS)[number], value: unknown) => {
  if (column === 'budgetAmount' && value !== null && value !== undefined) return String(Number(value));
  if (Array.isArray(value)) return JSON.stringify([...new Set(value.map(String))].sort());
  return JSON.stringify(value ?? null);
};

const NEED_COLUMNS = Prisma.sql`n.id, n."municipalityId", n.sector::text AS sector, n.stage::text AS stage,
      n."requiredCapabilities"::text[] AS "requiredCapabilities", n."budgetAmount"::text AS "budgetAmount",
      n."budgetCurrency"::text AS "budgetCurrency", n."fundingSource"::text AS "fundingSource",
      n."procurementMethod"::text AS "procurementMethod", n."prozorroTenderId", n."dreamProjectId",
      n."hromadaCode", n."matchFloor", ${verifiedTender} AS evidence`;

/** A site's hostility periods and sister ties, as JSON arrays (null when none), for the hromada aliased h. */
const SITE_COLUMNS = Prisma.sql`
      (SELECT json_agg(json_build_object('status', hp.status, 'whole', hp."territoryLevel" <> 'SETTLEMENT',
              'start', hp."startDate", 'end', hp."endDate"))
         FROM "HostilityPeriod" hp WHERE hp."hromadaCode" = h.code) AS periods,
      (SELECT json_agg(json_build_object('kind', s.kind, 'japanCode', s."japanCode", 'prefectureCode', s."prefectureCode",
              'nameJa', j."nameJa", 'nameEn', j."nameEn", 'sinceYear', s."sinceYear") ORDER BY s.kind, s."japanCode")
         FROM "SisterCityLink" s JOIN "JapanMunicipality" j ON j.code = s."japanCode"
         WHERE s."hromadaCode" = h.code OR s."oblastCode" = h."oblastCode") AS ties`;

/**
 * One need's whole input as a JSON value, for a statement that reads it beside other rows (the
 * need aliased n): null when the need may not be matched (not open, or its municipality is not
 * verified), as loadNeeds would leave it out. Read back with needInputFromJson.
 */
export const NEED_INPUT_JSON = Prisma.sql`(SELECT to_json(x) FROM (
    SELECT ${NEED_COLUMNS}, ${SITE_COLUMNS}
    FROM "Municipality" m, "Hromada" h
    WHERE m.id = n."municipalityId" AND h.code = n."hromadaCode" AND n.status = 'OPEN' AND m."verificationStatus" = 'VERIFIED') x)`;

export function needInputFromJson(json: (Omit<NeedRow, 'budgetAmount'> & { budgetAmount: string | number | null } & Omit<SiteRow, 'hromadaCode'>) | null): NeedInput | null {
  if (!json) return null;
  const { periods, ties, ...row } = json;
  return toNeedInput({ ...row, budgetAmount: row.budgetAmount === null ? null : String(row.budgetAmount) }, toSite({ hromadaCode: row.hromadaCode, periods, ties }));
}

const OPEN_AND_VERIFIED = Prisma.sql`"Need" n JOIN "Municipality" m ON m.id = n."municipalityId"
    WHERE n.status = 'OPEN' AND m."verificationStatus" = 'VERIFIED'`;

/**
 * Open needs of verified municipalities matching `where`, each with its site's periods and ties.
 * The sites are read by the same condition, at the same time (in parallel when `db` is the
 * client rather than a transaction).
 */
export async function loadNeeds(db: Executor, where: Prisma.Sql): Promise<NeedInput[]> {
  const [rows, sites] = await Promise.all([
    db.$queryRaw<NeedRow[]>`
    SELECT ${NEED_COLUMNS}
    FROM ${OPEN_AND_VERIFIED} AND ${where}`,
    sitesWhere(db, Prisma.sql`h.code IN (SELECT n."hromadaCode" FROM ${OPEN_AND_VERIFIED} AND ${where})`),
  ]);
  return rows.map((row) => toNeedInput(row, sites.get(row.hromadaCode) ?? { hromadaCode: row.hromadaCode, periods: [], sisterTies: [] }));
}

/**
 * As loadNeeds, in one statement: each need's site is read beside it (NEED_INPUT_JSON), so that
 * `where` is evaluated once rather than again to find the sites. For the few needs a condition
 * keeps (a company's re-rank); a read of every need shares sites better with loadNeeds.
 */
export async function loadNeedsWithSites(db: Executor, where: Prisma.Sql): Promise<NeedInput[]> {
  const rows = await db.$queryRaw<{ input: Parameters<typeof needInputFromJson>[0] }[]>`
    SELECT ${NEED_INPUT_JSON} AS input FROM "Need" n WHERE n.status = 'OPEN' AND ${where}`;
  return rows.map((row) => needInputFromJson(row.input)).filter((need) => need !== null);
}

function toNeedInput(needRow: NeedRow, site: MatchNeed['site']): NeedInput {
  // The site replaces its code; the rest is the engine's need as read.
  const { budgetAmount, evidence, ...row } = needRow;
  delete (row as Partial<NeedRow>).hromadaCode;
  return {
    ...(row as unknown as Omit<NeedInput, 'budgetAmount' | 'site'>),
    budgetAmount: budgetAmount === null ? null : Number(budgetAmount),
    tenderEvidence: evidence && {
      source: evidence.source,
      verifiedOn: evidence.verifiedAt.slice(0, 10),
      procedure: evidence.procedure,
      bids: evidence.bids,
      funders: evidence.funders.map((funder) => funder.name),
    },
    site,
  };
}

export async function loadSites(db: Executor, hromadaCodes: string[]): Promise<Map<string, MatchNeed['site']>> {
  if (hromadaCodes.length === 0) return new Map();
  return sitesWhere(db, Prisma.sql`h.code = ANY(${hromadaCodes})`);
}

async function sitesWhere(db: Executor, where: Prisma.Sql): Promise<Map<string, MatchNeed['site']>> {
  const rows = await db.$queryRaw<SiteRow[]>`SELECT h.code AS "hromadaCode", ${SITE_COLUMNS} FROM "Hromada" h WHERE ${where}`;
  return new Map(rows.map((row) => [row.hromadaCode, toSite(row)]));
}

function toSite(row: SiteRow): MatchNeed['site'] {
  return {
    hromadaCode: row.hromadaCode,
    periods: (row.periods ?? []).map((p) => ({
      status: p.status,
      isWholeHromada: p.whole,
      start: new Date(p.start),
      end: p.end === null ? null : new Date(p.end),
    })),
    sisterTies: row.ties ?? [],
  };
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
