import { describe, expect, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import { pipelineSql, sliceCountSql, sliceIdsSql } from '../../lib/match-decisions/review-slice';
import { testDb as db } from './test-db';

// The review queue and the dashboard must read the review slice through its partial index, not
// the whole "Match" table (docs/benchmarks/pages.md). PostgreSQL may use a partial index only
// when the statement's WHERE implies the index's predicate; with sequential scans disabled the
// planner still falls back to one when it cannot, so the plan shows whether it can.

async function planOf(sql: Prisma.Sql, options: { onlyTheSliceIndex?: boolean } = {}): Promise<string> {
  let plan = '';
  await db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      if (options.onlyTheSliceIndex) {
        // Whether the statement CAN use the partial index, whatever other index a small test
        // table makes cheaper: every other index but the primary key is dropped inside this
        // transaction, which is then rolled back.
        const others = await tx.$queryRaw<{ indexname: string }[]>`
          SELECT indexname FROM pg_indexes
          WHERE tablename = 'Match' AND indexname NOT IN ('Match_review_queue_idx', 'Match_pkey')`;
        for (const { indexname } of others) await tx.$executeRawUnsafe(`DROP INDEX "${indexname}"`);
      }
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${sql}`);
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return plan;
}

class RolledBack extends Error {}

describe('the review slice', () => {
  it.each([
    ['the queue page', sliceIdsSql({ minScore: 0 }, { skip: 0, take: 20 })],
    ['the queue page, from a score', sliceIdsSql({ minScore: 60 }, { skip: 40, take: 20 })],
    ['the queue count', sliceCountSql({ minScore: 50 })],
  ])('%s is read through Match_review_queue_idx', async (_name, sql) => {
    const plan = await planOf(sql, { onlyTheSliceIndex: true });
    expect(plan).toContain('Match_review_queue_idx');
    expect(plan).not.toMatch(/Seq Scan on "Match"/);
  });

  // With a sector, an oblast or a status the planner may as well start from those rows' own index.
  it.each([
    ['the queue page by status', sliceIdsSql({ minScore: 0, status: 'SHORTLISTED' }, { skip: 0, take: 20 })],
    ['the queue page by sector and oblast', sliceIdsSql({ minScore: 60, sector: 'ENERGY', oblast: 'UA01000000000013043' }, { skip: 0, take: 20 })],
    ['the queue count by sector', sliceCountSql({ minScore: 0, sector: 'WATER_SANITATION' })],
    // The kept counts, and the top lists of needs that are not open only.
    ['the dashboard pipeline', pipelineSql],
  ])('%s never scans the whole table', async (_name, sql) => {
    expect(await planOf(sql)).not.toMatch(/Seq Scan on "Match"/);
  });
});
