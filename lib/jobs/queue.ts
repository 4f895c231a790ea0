import PgBoss from 'pg-boss';
import type { Prisma } from '../generated/prisma/client';

// The durable job queue: pg-boss keeps its jobs in PostgreSQL (schema `pgboss`), so any app
// instance may enqueue and any may work, and a job survives a restart.

export const QUEUES = {
  needChanged: 'matching-need-changed',
  companyChanged: 'matching-company-changed',
  rebuild: 'matching-rebuild',
  emailDelivery: 'email-delivery',
  passwordResetRequested: 'password-reset-requested',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type JobData = {
  [QUEUES.needChanged]: { needId: string };
  [QUEUES.companyChanged]: { companyId: string };
  [QUEUES.rebuild]: { reason: string };
  [QUEUES.emailDelivery]: { emailId: string };
  [QUEUES.passwordResetRequested]: { email: string; ip: string | null };
};

/** A started queue client with every queue created. Stop it when done. */
export async function startJobQueue(connectionString: string, options: { maintenance?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: 3,
    supervise: options.maintenance ?? false,
    schedule: false,
  });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // 'short': at most one job per key waits while others run, so a burst of edits to the same
    // need re-ranks it once more, not once per edit.
    await boss.createQueue(name, { name, policy: 'short', retryLimit: 3, retryDelay: 5, retryBackoff: true });
  }
  return boss;
}

/**
 * Enqueues inside the caller's Prisma transaction: the job exists exactly when the change that
 * caused it commits.
 */
export async function enqueueInTransaction<Q extends QueueName>(
  tx: Prisma.TransactionClient,
  boss: PgBoss,
  queue: Q,
  data: JobData[Q],
  singletonKey: string,
): Promise<void> {
  await boss.send(queue, data, {
    singletonKey,
    db: { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) },
  });
}
