import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { kyivDay } from '../hostility-list/calendar';
import { pairPoints, scorePair, EXCLUDED } from '../matching/evaluate';
import { prepareCompany, prepareNeed, type PreparedCompany, type PreparedNeed } from '../matching/prepare';
import { TopK } from '../matching/top-k';
import type { MatchContext } from '../matching/types';
import { loadInterests, loadNeeds } from './inputs';
import { loadCompanyProfiles, syncCompanyProfiles } from './profiles';
import { getCurrentPolicy } from './policy';
import { COMPANY_TOP_K, NEED_TOP_K, NOBODY_ACTED_ON, upsertMatches, type MatchRow } from './write';

// Rebuilds every stored match from scratch (after a policy change, or by command). Needs and
// companies are read once; each need is scored only against the companies of its sector, and
// two bounded heaps per pair keep the best companies of every need and the best needs of every
// company. The write replaces all suggestions in one transaction, so readers never see a gap.

type Item = { score: number; id: string; need: number; company: number };

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

  // Companies by sector bit, so a need meets only companies that work in its sector.
  const bySector = new Map<number, number[]>();
  companies.forEach((company, index) => {
    for (let bit = 1; bit <= company.sectorMask; bit <<= 1) {
      if ((company.sectorMask & bit) === 0) continue;
      const list = bySector.get(bit) ?? [];
      list.push(index);
      bySector.set(bit, list);
    }
  });

  // Interests are few: most pairs share one context, and only needs someone showed interest in
  // pay for a lookup (this runs for every pair of a sector).
  const noInterest: MatchContext = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const needsWithInterest = new Set([...interests.keys()].map((key) => key.split(':')[0]));
  const context = (need: PreparedNeed, company: PreparedCompany): MatchContext => {
    if (!needsWithInterest.has(need.need.id)) return noInterest;
    const interest = interests.get(`${need.need.id}:${company.company.id}`);
    return interest ? { asOf, companyRegisteredInterest: interest.asked, municipalityInvitedCompany: interest.invited } : noInterest;
  };

  const needTops = needs.map(() => new TopK<Item>(NEED_TOP_K));
  const companyTops = companies.map(() => new TopK<Item>(COMPANY_TOP_K));
  let pairsScored = 0;
  needs.forEach((need, n) => {
    const hasInterest = needsWithInterest.has(need.need.id);
    for (const c of bySector.get(need.sectorBit) ?? []) {
      const company = companies[c];
      const score = scorePair(need, company, hasInterest ? context(need, company) : noInterest, policy);
      pairsScored += 1;
      if (score === EXCLUDED) continue;
      const needTop = needTops[n];
      const companyTop = companyTops[c];
      if (needTop.admits(score, company.company.id)) needTop.offer({ score, id: company.company.id, need: n, company: c });
      if (companyTop.admits(score, need.need.id)) companyTop.offer({ score, id: need.need.id, need: n, company: c });
    }
  });
  const scoredAt = performance.now();

  const flags = new Map<string, { need: number; company: number; inNeedTop: boolean; inCompanyTop: boolean }>();
  const flag = (item: Item, side: 'inNeedTop' | 'inCompanyTop') => {
    const key = `${item.need}:${item.company}`;
    const entry = flags.get(key) ?? { need: item.need, company: item.company, inNeedTop: false, inCompanyTop: false };
    entry[side] = true;
    flags.set(key, entry);
  };
  needTops.forEach((top) => top.sorted().forEach((item) => flag(item, 'inNeedTop')));
  companyTops.forEach((top) => top.sorted().forEach((item) => flag(item, 'inCompanyTop')));

  const asOfText = asOf.toISOString().slice(0, 10);
  const rows: MatchRow[] = [...flags.values()].map(({ need: n, company: c, inNeedTop, inCompanyTop }) => {
    const need = needs[n];
    const company = companies[c];
    const { score, points } = pairPoints(need, company, context(need, company), policy)!;
    return { needId: need.need.id, companyId: company.company.id, score, points, inNeedTop, inCompanyTop };
  });

  const floorOf = (top: TopK<Item>, k: number) => (top.size >= k ? top.sorted()[k - 1].score : -1);
  const needFloors = needs.map((need, n) => ({ id: need.need.id, floor: floorOf(needTops[n], NEED_TOP_K) }));
  const companyFloors = companies.map((company, c) => ({ id: company.company.id, floor: floorOf(companyTops[c], COMPANY_TOP_K) }));

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
