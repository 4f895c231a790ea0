import type { Actor } from '../../lib/auth/actor';
import { createScratchDatabase } from '../../lib/database/scratch';
import { createDb, type Db } from '../../lib/db';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createSyntheticWorld } from '../bench/synthetic-world';
import { createUser } from '../factories/user';

/**
 * A synthetic world (tests/bench/synthetic-world.ts) in a database of its own, for tests that
 * compare a stored figure with its definition over the whole world: no other test's rows in it.
 */
export async function openSyntheticScratch(name: string, size: { companies: number; needs: number }): Promise<{ db: Db; facilitator: Actor; close: () => Promise<void> }> {
  const scratch = await createScratchDatabase(name);
  const { prepareDatabase } = await import('../../lib/database/prepare');
  await prepareDatabase(scratch.url);
  const db = createDb(scratch.url, 3);
  await createSyntheticWorld(db, size);
  const user = await createUser(db, { role: 'FACILITATOR' });
  const facilitator: Actor = { userId: user.id, role: 'FACILITATOR', companyId: null, municipalityId: null };
  const close = async () => {
    await stopQueueClient();
    await db.$disconnect();
    await scratch.drop();
  };
  return { db, facilitator, close };
}
