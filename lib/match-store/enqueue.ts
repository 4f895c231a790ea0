import type PgBoss from 'pg-boss';
import { env } from '../env';
import { Prisma } from '../generated/prisma/client';
import { enqueueInTransaction, startJobQueue, type JobData, type QueueName } from '../jobs/queue';
import { QUEUES } from '../jobs/queue';
import { syncCompanyProfiles } from './profiles';

// What changes queue for the matches: a need, a company or an interest changed, or the policy.
// Callers pass their transaction so that the job commits with the change.

const globalForQueue = globalThis as unknown as { kakehashiQueue?: Promise<PgBoss> };

function queueClient(): Promise<PgBoss> {
  // Only the SQL builder of this client is used to enqueue; it is started once per process so
  // that its queues exist.
  globalForQueue.kakehashiQueue ??= startJobQueue(env.DATABASE_URL);
  return globalForQueue.kakehashiQueue;
}

export async function enqueue<Q extends QueueName>(
  tx: Prisma.TransactionClient,
  queue: Q,
  data: JobData[Q],
  singletonKey: string,
  startAfterSeconds?: number,
): Promise<void> {
  await enqueueInTransaction(tx, await queueClient(), queue, data, singletonKey, startAfterSeconds);
}

export const needChanged = (tx: Prisma.TransactionClient, needId: string) =>
  enqueue(tx, QUEUES.needChanged, { needId }, needId);

/** Also rewrites the company's ranking profile, in the same transaction as the change. */
export async function companyChanged(tx: Prisma.TransactionClient, companyId: string): Promise<void> {
  await syncCompanyProfiles(tx, Prisma.sql`c.id = ${companyId}::uuid`);
  await enqueue(tx, QUEUES.companyChanged, { companyId }, companyId);
}

/** A registered interest or invitation changes one pair, which sits on both sides' lists. */
export async function interestChanged(tx: Prisma.TransactionClient, needId: string, companyId: string): Promise<void> {
  await needChanged(tx, needId);
  await companyChanged(tx, companyId);
}

export async function stopQueueClient(): Promise<void> {
  const client = globalForQueue.kakehashiQueue;
  globalForQueue.kakehashiQueue = undefined;
  if (client) await (await client).stop({ graceful: false, wait: true });
}
