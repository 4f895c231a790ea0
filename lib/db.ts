import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

export type Db = PrismaClient;

export function createDb(connectionString: string, poolSize = env.DATABASE_POOL_SIZE): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    // Fail fast while the database is down so /api/health can answer 503 instead of hanging;
    // the pool reconnects by itself once the database is back.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { kakehashiDb?: Db };

/** The app's client. Kept on globalThis so dev-mode hot reloads reuse one pool. */
export const db: Db = globalForDb.kakehashiDb ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== 'production') globalForDb.kakehashiDb = db;
