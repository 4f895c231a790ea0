import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { poolOf, type Db } from '../db';

/** Planner settings for one read, by their PostgreSQL names; the values are the code's own constants, never input. */
export type PlannerSettings = Partial<Record<'random_page_cost', string>>;

/**
 * Runs one read on a pooled connection with planner settings of its own: SET LOCAL, in a
 * transaction of its own, so that every other statement on that connection keeps the server's
 * settings (a session-wide SET would stay with the pooled connection, and give every later Prisma
 * query the same plan choices). The cost is two round trips: the BEGIN with the settings, and the
 * COMMIT.
 */
export async function readWithPlannerSettings<R extends QueryResultRow = QueryResultRow>(
  db: Db, settings: PlannerSettings, statement: QueryConfig,
): Promise<QueryResult<R>> {
  const client = await poolOf(db).connect();
  let broken = false;
  try {
    await client.query(['BEGIN', ...Object.entries(settings).map(([name, value]) => `SET LOCAL ${name} = ${value}`)].join('; '));
    const result = await client.query<R>(statement);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot roll back is not given back to the pool.
    broken = await client.query('ROLLBACK').then(() => false, () => true);
    throw error;
  } finally {
    client.release(broken);
  }
}
