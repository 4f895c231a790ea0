import { ensureSessionSecret } from '../auth/platform-secret';
import { createDb } from '../db';
import { QUEUES, startJobQueue } from '../jobs/queue';
import { ensureDefaultPolicy } from '../match-store/policy';
import { rebuildAllMatches } from '../match-store/rebuild';
import { loadReferenceData, type ReferenceCounts } from '../reference/load-reference-data';
import { applyMigrations } from './schema-engine';

export type PreparedDatabase = {
  appliedMigrations: string[];
  reference: ReferenceCounts;
  /** The database's session secret, for a launcher to use when NEXTAUTH_SECRET is unset. */
  sessionSecret: string;
};

/**
 * Brings a database to the state the app expects: migrations applied, reference data loaded,
 * the default policy and session secret present. Safe to run on every start. This is the
 * production path: it never seeds the demo world (that is prisma/seed/development.ts, a
 * development-only step run after this one).
 */
export async function prepareDatabase(connectionString: string): Promise<PreparedDatabase> {
  const appliedMigrations = await applyMigrations(connectionString);
  const db = createDb(connectionString, 2);
  try {
    const reference = await loadReferenceData(db);
    const newPolicy = await ensureDefaultPolicy(db);
    const sessionSecret = await ensureSessionSecret(db);
    // pg-boss installs its schema and our queues, so that changes can enqueue from the first request.
    const boss = await startJobQueue(connectionString);
    try {
      // A new default policy re-ranks what is stored: the workers rebuild every match. So does a
      // release that replaced the shipped hostilities list: the loader rolled its statuses up
      // itself, so the daily job sees no change to re-rank.
      const rebuildReason = newPolicy ? 'default policy upgraded' : reference.hostilityListReloaded ? 'shipped hostility list replaced' : null;
      if (rebuildReason && (await db.match.count()) > 0) {
        await boss.send(QUEUES.rebuild, { reason: rebuildReason }, { singletonKey: 'rebuild' });
      }
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    // A database that has needs but no matches yet (created before matching existed) gets its
    // first ranking now; afterwards the job queue keeps it fresh.
    if ((await db.match.count()) === 0 && (await db.need.count({ where: { status: 'OPEN' } })) > 0) {
      await rebuildAllMatches(db);
    }
    return { appliedMigrations, reference, sessionSecret };
  } finally {
    await db.$disconnect();
  }
}
