import { ensureSessionSecret } from '../auth/platform-secret';
import { createDb } from '../db';
import { startJobQueue } from '../jobs/queue';
import { ensureDefaultPolicy } from '../match-store/policy';
import { rebuildAllMatches } from '../match-store/rebuild';
import { loadReferenceData, type ReferenceCounts } from '../reference/load-reference-data';
import { applyMigrations } from './schema-engine';

export type PreparedDatabase = {
  appliedMigrations: string[];
  reference: ReferenceCounts;
  demo: { companies: number; needs: number; users: number } | 'already-present' | 'skipped';
  /** The database's session secret, for a launcher to use when NEXTAUTH_SECRET is unset. */
  sessionSecret: string;
};

/**
 * Brings a database to the state the app expects: migrations applied, reference data loaded,
 * and (when asked) the demo world seeded once. Safe to run on every start.
 */
export async function prepareDatabase(
  connectionString: string,
  options: { seedDemo: boolean },
): Promise<PreparedDatabase> {
  const appliedMigrations = await applyMigrations(connectionString);
  const db = createDb(connectionString, 2);
  try {
    const reference = await loadReferenceData(db);
    await ensureDefaultPolicy(db);
    const sessionSecret = await ensureSessionSecret(db);
    // pg-boss installs its schema and our queues, so that changes can enqueue from the first request.
    await (await startJobQueue(connectionString)).stop({ graceful: false, wait: true });
    let demo: PreparedDatabase['demo'] = 'skipped';
    if (options.seedDemo) {
      // Imported lazily: the demo world is development data, not part of the product.
      const { hasDemoWorld, seedDemoWorld } = await import('../../prisma/seed/demo-world');
      demo = (await hasDemoWorld(db)) ? 'already-present' : await seedDemoWorld(db);
    }
    // A database that has needs but no matches yet (just seeded, or created before matching
    // existed) gets its first ranking now; afterwards the job queue keeps it fresh.
    if ((await db.match.count()) === 0 && (await db.need.count({ where: { status: 'OPEN' } })) > 0) {
      await rebuildAllMatches(db);
    }
    return { appliedMigrations, reference, demo, sessionSecret };
  } finally {
    await db.$disconnect();
  }
}
