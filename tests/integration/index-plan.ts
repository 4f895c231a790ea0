import { testDb as db } from './test-db';

/**
 * A statement's plan with sequential and bitmap scans off: what remains is an index scan (or an
 * index-only one), so the plan shows which index the statement can use, whatever the size of the
 * test database's tables (the planner would rightly scan tables this small whole).
 */
export const indexPlanOf = (statement: { text: string; values: unknown[] }): Promise<string> =>
  // SET LOCAL ends with the transaction, and EXPLAIN without ANALYZE writes nothing.
  db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${statement.text}`, ...statement.values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
