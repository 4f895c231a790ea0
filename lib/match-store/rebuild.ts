import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { kyivDay } from '../hostility-list/calendar';
import { pairPoints } from '../matching/evaluate';
import { prepareCompany, prepareNeed, type PreparedCompany, type PreparedNeed } from '../matching/prepare';
import { rankAll } from '../matching/rank-all';
import type { MatchContext } from '../matching/types';
import { loadInterests, loadNeeds } from './inputs';
import { loadCompanyProfiles, syncCompanyProfiles } from './profiles';
import { getCurrentPolicy } from './policy';
import { COMPANY_TOP_K, NEED_TOP_K, NOBODY_ACTED_ON, upsertMatches, type MatchRow } from './write';

// Rebuilds every stored match from scratch (after a policy change, or by command). Needs and
// companies are read once; each need is scored only against the companies of its sector, and
// two bounded heaps per pair keep the best companies of every need and the best needs of every
// company. The write replaces all suggestions in one transaction, so readers never see a gap.

export type RebuildOutcome = {
  needs: number;
  companies: number;
  pairsScored: number;
  matches: number;
  /** Phase timings: profiles synced, inputs read, pairs scored, rows written (score = the first three). */
  seconds: { sync: number; load: number; scoring: number; score: number; write: number };
};

export async function rebuildAllMatches(db: Db, options: { asOf?: Date } = {}): Promise<RebuildOutcome> {
  // The list's day in Kyiv, as the daily roll-forward reads it (lib/hostility-list/calendar.ts).
  const asOf = kyivDay(options.asOf);
  const started = performance.now();
  const policy = await getCurrentPolicy(db);
  await syncCompanyProfiles(db, Prisma.sql`true`);
  const synced = performance.now();
  const [needRows, companyRows, interests] = await Promise.all([
    loadNeeds(db, Prisma.sql`true`),
    loadCompanyProfiles(db, 'all'),
    loadInterests(db, Prisma.sql`true`),
  ]);
  const needs = needRows.map((need) => prepareNeed(need, asOf));
  const companies = companyRows.map(prepareCompany);
  const loaded = performance.now();

  // Interests are few: only the pairs somebody showed interest in get a context of their own.
  const noInterest: MatchContext = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const contextOf = (interest: { asked: boolean; invited: boolean } | undefined): MatchContext =>
    interest ? { asOf, companyRegisteredInterest: interest.asked, municipalityInvitedCompany: interest.invited } : noInterest;
  const context = (need: PreparedNeed, company: PreparedCompany) => contextOf(interests.get(`${need.need.id}:${company.company.id}`));
  const needIndex = new Map(needs.map((need, n) => [need.need.id, n]));
  const companyIndex = new Map(companies.map((company, c) => [company.company.id, c]));
  const interestsByIndex = new Map<number, Map<number, MatchContext>>();
  for (const [key, interest] of interests) {
    const [needId, companyId] = key.split(':');
    const n = needIndex.get(needId);
    const c = companyIndex.get(companyId);
    if (n === undefined || c === undefined) continue;
    let forNeed = interestsByIndex.get(n);
    if (!forNeed) interestsByIndex.set(n, (forNeed = new Map()));
    forNeed.set(c, contextOf(interest));
  }

  const { pairsScored, needTops, companyTops } = rankAll({
    needs, companies, policy, interests: interestsByIndex, noInterest, needTopK: NEED_TOP_K, companyTopK: COMPANY_TOP_K,
  });
  const scoredAt = performance.now();

  // Each pair on either list once, with the flags of both; its points from the engine.
  const asOfText = asOf.toISOString().slice(0, 10);
  const rows: MatchRow[] = [];
  const rowOf = new Map<number, MatchRow>();
  const keep = (n: number, c: number): MatchRow => {
    const key = n * companies.length + c;
    let row = rowOf.get(key);
    if (!row) {
      const need = needs[n];
      const company = companies[c];
      const { score, points } = pairPoints(need, company, interestsByIndex.get(n)?.get(c) ?? noInterest, policy)!;
      row = { needId: need.need.id, companyId: company.company.id, score, points, inNeedTop: false, inCompanyTop: false };
      rowOf.set(key, row);
      rows.push(row);
    }
    return row;
  };
  for (let n = 0; n < needs.length; n += 1) for (const { member } of needTops.sorted(n)) keep(n, member).inNeedTop = true;
  for (let c = 0; c < companies.length; c += 1) for (const { member } of companyTops.sorted(c)) keep(member, c).inCompanyTop = true;

  const needFloors = needs.map((need, n) => ({ id: need.need.id, floor: needTops.floor(n) }));
  const companyFloors = companies.map((company, c) => ({ id: company.company.id, floor: companyTops.floor(c) }));

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rebuild-matches'))`;
      // The new lists go to a staging table first (temporary: no WAL, no index), then into
      // "Match" in one set-based pass, in the order of its indexes; a row that did not change is
      // not rewritten, so a rebuild under an unchanged policy writes next to nothing.
      await stageMatches(tx, rows);
      await tx.$executeRaw`
        INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "computedAt", "updatedAt")
        SELECT uuidv7(), s."needId", s."companyId", s.score, s.points, ${asOfText}::date, ${policy.version}, s."inNeedTop", s."inCompanyTop", now(), now()
        FROM rebuilt_match s ORDER BY s."needId", s."companyId"
        ON CONFLICT ("needId", "companyId") DO UPDATE SET
          score = EXCLUDED.score, points = EXCLUDED.points, "judgedOn" = EXCLUDED."judgedOn", "policyVersion" = EXCLUDED."policyVersion",
          "inNeedTop" = EXCLUDED."inNeedTop", "inCompanyTop" = EXCLUDED."inCompanyTop", "computedAt" = now(), "updatedAt" = now()
        WHERE ("Match".score, "Match".points, "Match"."judgedOn", "Match"."policyVersion", "Match"."inNeedTop", "Match"."inCompanyTop")
          IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.points, EXCLUDED."judgedOn", EXCLUDED."policyVersion", EXCLUDED."inNeedTop", EXCLUDED."inCompanyTop")`;
      const stale = Prisma.sql`NOT EXISTS (SELECT 1 FROM rebuilt_match s WHERE s."needId" = "Match"."needId" AND s."companyId" = "Match"."companyId")`;
      await tx.$executeRaw`DELETE FROM "Match" WHERE ${stale} AND ${NOBODY_ACTED_ON}`;
      // Matches somebody acted on stay, off every top list until re-scored below.
      await tx.$executeRaw`UPDATE "Match" SET "inNeedTop" = false, "inCompanyTop" = false, score = 0, points = '{}',
        "judgedOn" = ${asOfText}::date, "policyVersion" = ${policy.version} WHERE ${stale}`;
      await writeFloors(tx, Prisma.raw('"Need"'), Prisma.raw('id'), needFloors);
      await writeFloors(tx, Prisma.raw('"CompanyMatchProfile"'), Prisma.raw('"companyId"'), companyFloors);
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await rescoreDecidedMatches(db, { needs, companies, context, policyVersion: policy.version, asOfText, policy });
  // The table was rewritten whole: fresh statistics keep the planner on its indexes.
  await db.$executeRaw`ANALYZE "Match"`;

  return {
    needs: needs.length,
    companies: companies.length,
    pairsScored,
    matches: rows.length,
    seconds: {
      sync: (synced - started) / 1000,
      load: (loaded - synced) / 1000,
      scoring: (scoredAt - loaded) / 1000,
      score: (scoredAt - started) / 1000,
      write: (performance.now() - scoredAt) / 1000,
    },
  };
}

async function stageMatches(tx: Prisma.TransactionClient, rows: MatchRow[]): Promise<void> {
  await tx.$executeRaw`CREATE TEMPORARY TABLE rebuilt_match ("needId" uuid, "companyId" uuid, score int, points smallint[],
    "inNeedTop" boolean, "inCompanyTop" boolean) ON COMMIT DROP`;
  for (let i = 0; i < rows.length; i += STAGE_CHUNK) {
    const chunk = rows.slice(i, i + STAGE_CHUNK);
    await tx.$executeRaw`INSERT INTO rebuilt_match
      SELECT r.n, r.c, r.s, r.p::smallint[], r.a, r.b
      FROM unnest(${chunk.map((r) => r.needId)}::uuid[], ${chunk.map((r) => r.companyId)}::uuid[], ${chunk.map((r) => r.score)}::int[],
        ${chunk.map((r) => `{${r.points.join(',')}}`)}::text[], ${chunk.map((r) => r.inNeedTop)}::boolean[], ${chunk.map((r) => r.inCompanyTop)}::boolean[])
        AS r(n, c, s, p, a, b)`;
  }
  await tx.$executeRaw`ANALYZE rebuilt_match`;
}

const STAGE_CHUNK = 20_000;

/** Every list's floor (-1 while it has room); rows not given, and those already right, are left as they are or reset. */
async function writeFloors(tx: Prisma.TransactionClient, table: Prisma.Sql, key: Prisma.Sql, floors: { id: string; floor: number }[]) {
  await tx.$executeRaw`UPDATE ${table} SET "matchFloor" = -1 WHERE "matchFloor" <> -1 AND ${key} <> ALL(${floors.map((f) => f.id)}::uuid[])`;
  for (let i = 0; i < floors.length; i += STAGE_CHUNK) {
    const chunk = floors.slice(i, i + STAGE_CHUNK);
    await tx.$executeRaw`UPDATE ${table} t SET "matchFloor" = f.floor
      FROM unnest(${chunk.map((f) => f.id)}::uuid[], ${chunk.map((f) => f.floor)}::int[]) AS f(id, floor)
      WHERE t.${key} = f.id AND t."matchFloor" <> f.floor`;
  }
}

/** Matches a facilitator acted on keep their status (and id); their score follows the new policy too. */
async function rescoreDecidedMatches(
  db: Db,
  input: {
    needs: PreparedNeed[];
    companies: PreparedCompany[];
    context: (need: PreparedNeed, company: PreparedCompany) => MatchContext;
    policy: Awaited<ReturnType<typeof getCurrentPolicy>>;
    policyVersion: number;
    asOfText: string;
  },
): Promise<void> {
  const decided = await db.match.findMany({
    // Only rows somebody acted on survive the delete above without entering a top list.
    where: { inNeedTop: false, inCompanyTop: false },
    select: { needId: true, companyId: true },
  });
  if (decided.length === 0) return;
  const needById = new Map(input.needs.map((n) => [n.need.id, n]));
  const companyById = new Map(input.companies.map((c) => [c.company.id, c]));
  const rows: MatchRow[] = [];
  for (const { needId, companyId } of decided) {
    const need = needById.get(needId);
    const company = companyById.get(companyId);
    if (!need || !company) continue;
    const result = pairPoints(need, company, input.context(need, company), input.policy);
    rows.push({ needId, companyId, score: result?.score ?? 0, points: result?.points ?? [], inNeedTop: false, inCompanyTop: false });
  }
  await upsertMatches(db, rows, input.policyVersion, input.asOfText);
}
