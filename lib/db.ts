import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, type PoolClient } from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

export type Db = PrismaClient;

// On globalThis, like the client below: in development each route bundle may load its own copy
// of this module while sharing the one client, and every copy must find that client's pool.
const globalForPools = globalThis as unknown as { kakehashiPools?: WeakMap<Db, Pool> };
const pools = (globalForPools.kakehashiPools ??= new WeakMap<Db, Pool>());

/**
 * Limits for interactive transactions, unless a caller sets its own. Prisma's defaults (wait 2 s
 * for a connection, 5 s in all) turned a sign-up confirmation of a dozen statements into "nothing
 * was saved" on a loaded two-core machine (7 s seen in session 9's end-to-end run). The limit is
 * there to release the locks of a transaction that never ends, not to cut short a slow one that
 * would commit; a rolled-back transaction leaves nothing behind either way.
 */
export const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 30_000 } as const;

export function createDb(connectionString: string, poolSize = env.DATABASE_POOL_SIZE): Db {
  const pool = new Pool({
    connectionString,
    max: poolSize,
    // pg-pool applies this to opening a connection and to waiting for a free one. An outage is
    // answered before it: by the page-load check, on a connection of its own, and by /api/health
    // within its own 2 s (lib/platform/health.ts); here 3 s failed renders with 500 on a loaded two-core machine,
    // where opening a connection took longer (end-to-end runs, session 10). The pool reconnects by
    // itself once the database is back.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('connect', oneQueryAtATime);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_LIMITS });
  pools.set(db, pool);
  return db;
}

/**
 * The client's own pg pool, for the few reads where Prisma's row mapping is the cost: ranking
 * reads thousands of narrow rows per need (lib/match-store/profiles.ts).
 */
export function poolOf(db: Db): Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('Not a client made by createDb');
  return pool;
}

const globalForDb = globalThis as unknown as { kakehashiDb?: Db };

/** The app's client. Kept on globalThis so dev-mode hot reloads reuse one pool. */
export const db: Db = globalForDb.kakehashiDb ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== 'production') globalForDb.kakehashiDb = db;

/**
 * A transaction is one connection, and Prisma hands it queries at once: the relations of one
 * read are loaded in parallel, and so are the reads of a Promise.all on `tx`. pg 8 queues a query
 * given while another runs, with a deprecation warning; pg 9 refuses it. So each client takes its
 * promised queries one after another, in the order they came, as pg's queue did. Streams (COPY
 * in lib/match-store/rebuild-write.ts) and callbacks go straight through: their callers await each.
 * The adapter's own fix is pending upstream (prisma/orm pull request 29979, "serialize queries on
 * single-connection clients"); once a release carries it, this goes.
 */
function oneQueryAtATime(client: PoolClient): void {
  // Looked up on each call, not bound once: whatever wraps Client.prototype.query (instrumentation) still sees every query.
  const query = (...args: unknown[]) => (Object.getPrototypeOf(client) as { query: (...a: unknown[]) => unknown }).query.apply(client, args);
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return query(...args);
    const result = previous.then(() => query(...args));
    previous = result.catch(() => undefined);
    return result;
  }) as PoolClient['query'];
}

