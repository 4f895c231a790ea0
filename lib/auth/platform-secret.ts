import { randomBytes } from 'node:crypto';
import type { Db } from '../db';

const SESSION_SECRET = 'nextauth-secret';

/**
 * The session-signing secret kept in the database, created on first start. The launcher hands it
 * to the app when NEXTAUTH_SECRET is not set, so a fresh clone needs no .env and every instance
 * on one database signs sessions alike.
 */
export async function ensureSessionSecret(db: Db): Promise<string> {
  await db.platformSecret.createMany({
    data: [{ name: SESSION_SECRET, value: randomBytes(48).toString('base64url') }],
    skipDuplicates: true,
  });
  const row = await db.platformSecret.findUniqueOrThrow({ where: { name: SESSION_SECRET } });
  return row.value;
}
