import { describe, expect, it } from 'vitest';
import { isDeadlock, retryOnDeadlock } from '../../lib/database/deadlock';
import { poolOf } from '../../lib/db';
import { testDb as db } from './test-db';

// Two transactions that each hold one lock and wait for the other's: PostgreSQL fails one of them
// with deadlock_detected after deadlock_timeout (a second). Re-ranks retry on that (refresh.ts), so
// the error must be recognised as Prisma reports it, and the retried work must then go through.

/** One side of a deadlock: takes `first`, waits until the other side holds its lock, then takes `second`. */
const side = (first: number, second: number, bothHeld: Promise<void>, holding: () => void) =>
  db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${first}::bigint)`;
    holding();
    await bothHeld;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${second}::bigint)`;
    return first;
  }, { timeout: 20_000 });

function pair(keys: [number, number]) {
  let held = 0;
  let release!: () => void;
  const bothHeld = new Promise<void>((resolve) => { release = resolve; });
  const holding = () => { held += 1; if (held === 2) release(); };
  return { one: () => side(keys[0], keys[1], bothHeld, holding), other: () => side(keys[1], keys[0], bothHeld, holding) };
}

describe('deadlocks', () => {
  it('are recognised as Prisma reports them, and nothing else is', async () => {
    const { one, other } = pair([7_301, 7_302]);
    const results = await Promise.allSettled([one(), other()]);
    const failed = results.filter((result) => result.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(isDeadlock((failed[0] as PromiseRejectedResult).reason)).toBe(true);
    const otherFailure = await db.$executeRaw`SELECT 1 / 0`.catch((error: unknown) => error);
    expect(isDeadlock(otherFailure)).toBe(false);
  });

  it('are recognised as pg reports them (a re-rank reads through the pool too)', async () => {
    const [a, b] = await Promise.all([poolOf(db).connect(), poolOf(db).connect()]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('SELECT pg_advisory_xact_lock(7305)');
      await b.query('SELECT pg_advisory_xact_lock(7306)');
      const results = await Promise.allSettled([a.query('SELECT pg_advisory_xact_lock(7306)'), b.query('SELECT pg_advisory_xact_lock(7305)')]);
      const failed = results.filter((result) => result.status === 'rejected');
      expect(failed).toHaveLength(1);
      expect(isDeadlock((failed[0] as PromiseRejectedResult).reason)).toBe(true);
    } finally {
      await a.query('ROLLBACK');
      await b.query('ROLLBACK');
      a.release();
      b.release();
    }
  });

  it('fail the transaction PostgreSQL chose, which then runs again and goes through', async () => {
    const { one, other } = pair([7_303, 7_304]);
    let tries = 0;
    const results = await Promise.all([
      retryOnDeadlock(() => { tries += 1; return one(); }),
      retryOnDeadlock(() => { tries += 1; return other(); }),
    ]);
    expect(results.sort()).toEqual([7_303, 7_304]);
    expect(tries).toBe(3);
  });
});
