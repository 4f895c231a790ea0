import type { Db } from '../db';

// A full rebuild replaces "Match" whole (rebuild-write.ts, table-swap.ts) and holds this lock,
// exclusive, from its start to its commit. Every other transaction that writes "Match" takes it
// shared as its first statement: it then waits for a rebuild in progress holding nothing, where
// waiting at its first write to "Match" — after reading the match, its need or the policy — it
// would hold the very locks the rebuild's swap must take, and the two would deadlock
// (tests/integration/rebuild-readers.test.ts holds a re-rank across a rebuild's swap).

export const REBUILD_LOCK_KEY = 'rebuild-matches';

type Executor = Pick<Db, '$executeRaw'>;

/** For the rebuild itself, on its own connection. */
export const TAKE_REBUILD_LOCK = `SELECT pg_advisory_xact_lock(hashtext('${REBUILD_LOCK_KEY}'))`;

/** First in a transaction that writes "Match": waits for a rebuild in progress, not for another writer. */
export async function waitForRebuild(tx: Executor): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${REBUILD_LOCK_KEY}))`;
}
