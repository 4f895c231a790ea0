import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

export type Db = PrismaClient;

// On globalThis, like the client below: in development each route bundle may load its own copy
// of this module while sharing the one client, and every copy must find that client's pool.
const globalForPools = globalThis as unknown as { kakehashiPools?: WeakMap<Db, Pool> };
const pools = (globalForPools.kakehashiPools ??= new WeakMap<Db, Pool>());

export function createDb(connectionString: string, poolSize = env.DATABASE_POOL_SIZE): Db {
  const pool = new Pool({
    connectionString,
    max: poolSize,
    // Fail fast while the database is down so /api/health can answer 503 instead of hanging;
    // the pool reconnects by itself once the database is back.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
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
