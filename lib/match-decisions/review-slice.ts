import type { Db } from '../db';
import { Prisma, type MatchStatus, type SectorCode } from '../generated/prisma/client';

// The review slice of "Match": the pairs a facilitator may act on — a need's top companies while
// the need is open, and every pair somebody already acted on. Most of the table is each
// company's own list, so these reads go through the partial index "Match_review_queue_idx"
// (migration 20261201162000), whose predicate is written out below exactly as in the index:
// PostgreSQL uses a partial index only when the query's WHERE provably implies its predicate,
// and the enum casts Prisma writes for parameters (CAST($1::text AS "MatchStatus")) are not
// constants it can reason about, so Prisma's own where-clause always scanned the whole table.

export type ReviewSliceFilter = { sector?: SectorCode; oblast?: string; minScore: number; status?: MatchStatus };

function sliceWhere(filter: ReviewSliceFilter): Prisma.Sql {
  return Prisma.sql`
    (m."inNeedTop" OR m.status <> 'SUGGESTED')
    AND ((m."inNeedTop" AND n.status = 'OPEN') OR m.status <> 'SUGGESTED')
    AND m.score >= ${filter.minScore}
    ${filter.status ? Prisma.sql`AND m.status = ${filter.status}::"MatchStatus"` : Prisma.empty}
    ${filter.sector ? Prisma.sql`AND n.sector = ${filter.sector}::"SectorCode"` : Prisma.empty}
    ${filter.oblast ? Prisma.sql`AND n."hromadaCode" IN (SELECT code FROM "Hromada" WHERE "oblastCode" = ${filter.oblast})` : Prisma.empty}`;
}

// The statements are exported so that a test can EXPLAIN them (tests/integration/review-slice.test.ts).
export const sliceIdsSql = (filter: ReviewSliceFilter, window: { skip: number; take: number }) => Prisma.sql`
  SELECT m.id FROM "Match" m JOIN "Need" n ON n.id = m."needId"
  WHERE ${sliceWhere(filter)}
  ORDER BY m.score DESC, m.id
  LIMIT ${window.take} OFFSET ${window.skip}`;
/** The slice counted by visiting it: what "ReviewSliceCount" must always equal (tests). */
export const sliceCountSql = (filter: ReviewSliceFilter) => Prisma.sql`
  SELECT count(*)::int AS count FROM "Match" m JOIN "Need" n ON n.id = m."needId"
  WHERE ${sliceWhere(filter)}`;
/** The slice's size as the triggers keep it (migration 20261202004853_review_slice_count). */
export const keptCountSql = (filter: ReviewSliceFilter) => Prisma.sql`
  SELECT COALESCE(sum(pairs), 0)::int AS count FROM "ReviewSliceCount"
  WHERE score >= ${filter.minScore}
    ${filter.status ? Prisma.sql`AND status = ${filter.status}::"MatchStatus"` : Prisma.empty}
    ${filter.sector ? Prisma.sql`AND sector = ${filter.sector}::"SectorCode"` : Prisma.empty}
    ${filter.oblast ? Prisma.sql`AND "oblastCode" = ${filter.oblast}` : Prisma.empty}`;
/** The dashboard's pipeline counted by visiting the slice (need status aside): what `pipelineSql` must equal (tests). */
export const sliceByStatusSql = Prisma.sql`
  SELECT m.status::text AS status, count(*)::int AS count FROM "Match" m
  WHERE m."inNeedTop" OR m.status <> 'SUGGESTED'
  GROUP BY m.status`;
/**
 * The same pairs per status from the kept counts: they hold every pair somebody acted on and the
 * top lists' SUGGESTED pairs of open needs, so only the top lists of needs that are not open
 * (which the pipeline counts too) are visited. Counting the slice itself visited ≈ 150,000
 * entries per view on 30,000 × 3,000 (52 ms; docs/benchmarks/pages.md, session 8).
 */
export const pipelineSql = Prisma.sql`
  SELECT status::text AS status, sum(pairs)::int AS count FROM (
    SELECT status, pairs FROM "ReviewSliceCount"
    UNION ALL
    SELECT m.status, 1 FROM "Need" n JOIN "Match" m ON m."needId" = n.id AND m."inNeedTop"
    WHERE n.status <> 'OPEN' AND m.status = 'SUGGESTED'
  ) kept
  GROUP BY status HAVING sum(pairs) <> 0`;

/** One page of the slice's ids, best score first (an ordered scan of the index that stops early). */
export async function reviewSliceIds(db: Db, filter: ReviewSliceFilter, window: { skip: number; take: number }): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(sliceIdsSql(filter, window));
  return rows.map((row) => row.id);
}

/**
 * How many pairs the slice holds, exactly: summed from the counts the triggers keep by sector,
 * oblast, status and score (a few thousand rows whatever the size of "Match").
 */
export async function countReviewSlice(db: Db, filter: ReviewSliceFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>(keptCountSql(filter));
  return row.count;
}

/** The dashboard's pipeline: pairs per status in the slice (need status aside). */
export async function countReviewSliceByStatus(db: Db): Promise<Map<MatchStatus, number>> {
  const rows = await db.$queryRaw<{ status: MatchStatus; count: number }[]>(pipelineSql);
  return new Map(rows.map((row) => [row.status, row.count]));
}
