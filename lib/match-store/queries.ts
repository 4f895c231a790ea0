import { createHash } from 'node:crypto';
import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import { poolOf, type Db } from '../db';
import { AppError } from '../errors';
import { MatchStatus, Prisma } from '../generated/prisma/client';
import { pageWindow, toPage, type Page } from '../pagination';
import { explainStoredMatches, parsePolicy, withoutCompactColumns } from './explain';
import { NEED_INPUT_JSON, needInputFromJson } from './inputs';
import { PROFILE_JSON_ARRAY, profileFromJson } from './profiles';
import type { StoredExplanation } from './write';

// Reading stored matches for the screens: a need's best companies, a company's best needs.
// Facilitators and admins read every list; a municipality reads its own needs' lists; a company
// reads its own list.

export const matchListFilterSchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
    minScore: z.coerce.number().int().min(0).max(100).default(0),
    status: z.enum(MatchStatus).optional(),
  })
  .strict();
export type MatchListFilter = z.input<typeof matchListFilterSchema>;

/** The columns and relations a list reads (in SQL, below), as Prisma would name them. */
type MatchSelect = {
  id: true,
  score: true,
  status: true,
  version: true,
  needId: true,
  companyId: true,
  points: true,
  judgedOn: true,
  policyVersion: true,
  computedAt: true,
  need: {
    select: {
      id: true, title: true, language: true, sector: true, stage: true, urgency: true,
      hromada: { select: { code: true, nameUk: true, nameEn: true, hostilityStatus: true, hostilityScope: true, oblast: { select: { nameUk: true, nameEn: true } } } },
    },
  },
  company: { select: { id: true, legalNameJa: true, legalNameEn: true, prefectureCode: true, cityEn: true } },
};

/** What a list shows of each match: both parties, and the reasons derived on read. */
export type StoredMatch = Omit<Prisma.MatchGetPayload<{ select: MatchSelect }>, 'points' | 'judgedOn'> & {
  explanation: StoredExplanation;
};

function parseFilter(filter: MatchListFilter) {
  const parsed = matchListFilterSchema.safeParse(filter);
  if (!parsed.success) throw new AppError('VALIDATION', 'Invalid match filter', { issues: parsed.error.issues });
  return parsed.data;
}

type ListRow = Omit<StoredMatch, 'explanation'> & {
  points: number[];
  judgedOn: Date;
  total: number;
  profile: unknown[] | null;
  interest: { asked: boolean | null; invited: boolean | null } | null;
  policy: { weights: unknown; hardConstraints: unknown } | null;
  needInput: Parameters<typeof needInputFromJson>[0];
};

type ListSide = { column: Prisma.Sql; flag: Prisma.Sql; tieKey: Prisma.Sql; oneNeed: boolean };

/**
 * The statement a list's page is read by, and its condition (for the count past the last page).
 */
function listStatement(side: ListSide, id: string, filter: ReturnType<typeof parseFilter>): { statement: Prisma.Sql; where: Prisma.Sql } {
  const { skip, take } = pageWindow(filter.page, filter.pageSize);
  // The list's rows: on its top list, or acted on (the condition of "Match_need_list_idx", written
  // the same way, so that a need's list is read from that index alone).
  const where = Prisma.sql`m.${side.column} = ${id}::uuid AND (m.${side.flag} OR m.status <> 'SUGGESTED') AND m.score >= ${filter.minScore}
    ${filter.status ? Prisma.sql`AND m.status = ${filter.status}::"MatchStatus"` : Prisma.empty}`;
  // The engine's inputs for each row's reasons come with it, read for the page's rows only: the
  // need's (as loadNeeds reads them), the company's profile (eligible only, as loadCompanyProfiles
  // reads it), the pair's interests (withdrawn ones do not count, as in loadInterests) and the
  // settings of the policy version that judged it. One statement, one round trip. A need's list has
  // one need: its inputs (site periods, sister ties, verified tender) are read once, not per row.
  const needInput = side.oneNeed
    ? Prisma.sql`(SELECT ${NEED_INPUT_JSON} FROM "Need" n WHERE n.id = ${id}::uuid)`
    : Prisma.sql`(SELECT ${NEED_INPUT_JSON} FROM "Need" n WHERE n.id = page."needId")`;
  // The page is cut from "Match" alone (its index, and the window count over the list's rows);
  // only then are the page's rows given both parties as JSON. Joining and building every listed
  // row first (~50 a need) read each company's pages for rows the page drops. A need's list names
  // one need: it is read once (an uncorrelated subquery), not once a row (docs/benchmarks/matching.md,
  // session 6).
  const needRow = side.oneNeed ? Prisma.sql`${id}::uuid` : Prisma.sql`page."needId"`;
  // What every row of a page shares is sent on one row only, and the client gives it to the rest
  // (list, below): a need's list names one need, and a page is nearly always judged under one policy
  // version. A need's top 20 was 29 KB of JSON, 21 of them the same need, its inputs and the policy
  // twenty times over, each parsed by the client (docs/benchmarks/matching.md, session 17). The gain
  // is bytes sent and parsed: the need's subqueries are uncorrelated and ran once already; a CASE
  // runs the policy's only on the row it picks.
  const pageOrder = Prisma.sql`ORDER BY page.score DESC, page.${side.tieKey}, page.id`;
  const onFirstRow = (value: Prisma.Sql) => side.oneNeed ? Prisma.sql`CASE WHEN row_number() OVER (${pageOrder}) = 1 THEN ${value} END` : value;
  const statement = Prisma.sql`
    SELECT page.*,
      ${onFirstRow(Prisma.sql`(SELECT json_build_object('id', n.id, 'title', n.title, 'sector', n.sector, 'stage', n.stage, 'urgency', n.urgency,
        'hromada', json_build_object('code', h.code, 'nameUk', h."nameUk", 'nameEn', h."nameEn", 'hostilityStatus', h."hostilityStatus",
          'hostilityScope', h."hostilityScope", 'oblast', json_build_object('nameUk', o."nameUk", 'nameEn', o."nameEn")))
         FROM "Need" n JOIN "Hromada" h ON h.code = n."hromadaCode" JOIN "Oblast" o ON o.code = h."oblastCode" WHERE n.id = ${needRow})`)} AS need,
      (SELECT json_build_object('id', c.id, 'legalNameJa', c."legalNameJa", 'legalNameEn', c."legalNameEn", 'prefectureCode', c."prefectureCode",
        'cityEn', c."cityEn") FROM "Company" c WHERE c.id = page."companyId") AS company,
      ${onFirstRow(needInput)} AS "needInput",
      (SELECT ${PROFILE_JSON_ARRAY} FROM "CompanyMatchProfile" p WHERE p."companyId" = page."companyId" AND p."isEligible") AS profile,
      (SELECT json_build_object('asked', bool_or(i.direction = 'COMPANY_INTEREST'), 'invited', bool_or(i.direction <> 'COMPANY_INTEREST'))
         FROM "Interest" i WHERE i."needId" = page."needId" AND i."companyId" = page."companyId" AND i."withdrawnAt" IS NULL) AS interest,
      CASE WHEN row_number() OVER (PARTITION BY page."policyVersion" ${pageOrder}) = 1 THEN
        (SELECT json_build_object('weights', mp.weights, 'hardConstraints', mp."hardConstraints")
           FROM "MatchingPolicy" mp WHERE mp.version = page."policyVersion") END AS policy
    FROM (
      SELECT m.id, m.score, m.status::text AS status, m.version, m."needId", m."companyId", m.points,
        to_char(m."judgedOn", 'YYYY-MM-DD') AS "judgedOn", m."policyVersion", m."computedAt" AT TIME ZONE 'UTC' AS "computedAt",
        count(*) OVER ()::int AS total
      FROM "Match" m
      WHERE ${where}
      ORDER BY m.score DESC, m.${side.tieKey}, m.id
      LIMIT ${take} OFFSET ${skip}) page
    ${pageOrder}`;
  return { statement, where };
}

/**
 * Best first; equal scores by the listed side's id, the order the engine's TopK and the SQL trim
 * use (lib/matching/top-k.ts), so a list reads in the order it was cut. One statement reads the
 * page with both parties and the list's length (a window count), then the reasons are derived.
 */
async function list(db: Db, side: ListSide, id: string, filter: ReturnType<typeof parseFilter>): Promise<Page<StoredMatch>> {
  const { skip } = pageWindow(filter.page, filter.pageSize);
  const { statement, where } = listStatement(side, id, filter);
  // A named statement: each pooled connection plans it a few times, then reuses the plan (the
  // statement joins five tables and four subqueries, and planning cost more than running it).
  // Dates come as text and instants as timestamptz, so that no parser reads them in local time.
  const result = await poolOf(db).query<Omit<ListRow, 'judgedOn'> & { judgedOn: string }>({
    name: `match-list:${createHash('sha1').update(statement.text).digest('hex').slice(0, 16)}`,
    text: statement.text,
    values: statement.values,
  });
  // A need's list sends its need on one row (listStatement): every row shows it.
  const sharedNeed = side.oneNeed ? result.rows.find((row) => row.need !== null)?.need : undefined;
  const rows: ListRow[] = result.rows.map((row) => ({ ...row, need: row.need ?? sharedNeed!, judgedOn: new Date(`${row.judgedOn}T00:00:00Z`) }));
  // Past the last page the window has no row to count on.
  const total = rows.length > 0 ? Number(rows[0].total) : skip === 0 ? 0 : (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Match" m WHERE ${where}`)[0].n;
  const interests = new Map(rows.map((row) => [`${row.needId}:${row.companyId}`, { asked: row.interest?.asked ?? false, invited: row.interest?.invited ?? false }]));
  // Each policy version's settings parsed once, not once a row (a page is nearly always one version).
  const policies = new Map<number, ReturnType<typeof parsePolicy>>();
  for (const row of rows) if (row.policy && !policies.has(row.policyVersion)) policies.set(row.policyVersion, parsePolicy(row.policy));
  const companies = rows.map((row) => profileFromJson(row.profile)).filter((company) => company !== null);
  // Each need's inputs come on one of its rows (on a need's list, one row of the page).
  const needs = rows.filter((row) => row.needInput !== null).map((row) => needInputFromJson(row.needInput)).filter((need) => need !== null);
  const explained = await explainStoredMatches(db, rows, { needs: Promise.resolve(needs), companies, interests, policies });
  const items: StoredMatch[] = rows.map((row, i) => ({ ...withoutCompactColumns(row, 'total', 'profile', 'interest', 'policy', 'needInput'), ...explained[i] }));
  return toPage(items, Number(total), filter.page, filter.pageSize);
}

const NEED_LIST = { column: Prisma.raw('"needId"'), flag: Prisma.raw('"inNeedTop"'), tieKey: Prisma.raw('"companyId"'), oneNeed: true };
const COMPANY_LIST = { column: Prisma.raw('"companyId"'), flag: Prisma.raw('"inCompanyTop"'), tieKey: Prisma.raw('"needId"'), oneNeed: false };

/** A need's list statement (tests/integration/list-read-plan.test.ts checks the index it can use). */
export const needListStatement = (needId: string, filter: MatchListFilter = {}) => listStatement(NEED_LIST, needId, parseFilter(filter)).statement;

export async function listMatchesForNeed(db: Db, actor: Actor | null, needId: string, filter: MatchListFilter = {}): Promise<Page<StoredMatch>> {
  requireRole(actor, ['FACILITATOR', 'ADMIN', 'MUNICIPALITY_REP']);
  if (actor.role === 'MUNICIPALITY_REP') {
    // An undefined id would mean "any municipality" to Prisma.
    const own = actor.municipalityId ? await db.need.count({ where: { id: needId, municipalityId: actor.municipalityId } }) : 0;
    if (own === 0) throw new AppError('NOT_FOUND');
  }
  // A need's list: its top companies, and any pair somebody already acted on.
  const parsed = parseFilter(filter);
  if (!z.uuid().safeParse(needId).success) return toPage([], 0, parsed.page, parsed.pageSize);
  return list(db, NEED_LIST, needId, parsed);
}

export async function listMatchesForCompany(db: Db, actor: Actor | null, companyId: string, filter: MatchListFilter = {}): Promise<Page<StoredMatch>> {
  requireRole(actor, ['FACILITATOR', 'ADMIN', 'COMPANY_REP']);
  if (actor.role === 'COMPANY_REP' && actor.companyId !== companyId) throw new AppError('NOT_FOUND');
  const parsed = parseFilter(filter);
  if (!z.uuid().safeParse(companyId).success) return toPage([], 0, parsed.page, parsed.pageSize);
  return list(db, COMPANY_LIST, companyId, parsed);
}
