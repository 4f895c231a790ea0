import PgBoss from 'pg-boss';
import type { Prisma } from '../generated/prisma/client';
import type { TextSubject } from '../generated/prisma/enums';
import { logError } from '../logging/log';

// The durable job queue: pg-boss keeps its jobs in PostgreSQL (schema `pgboss`), so any app
// instance may enqueue and any may work, and a job survives a restart.

export const QUEUES = {
  needChanged: 'matching-need-changed',
  companyChanged: 'matching-company-changed',
  rebuild: 'matching-rebuild',
  emailDelivery: 'email-delivery',
  passwordResetRequested: 'password-reset-requested',
  tenderEvidence: 'tender-evidence-fetch',
  hostilityRollForward: 'hostility-roll-forward',
  dailyDigest: 'notice-digest-daily',
  weeklyDigest: 'notice-digest-weekly',
  facilitationCheck: 'notice-facilitation-check',
  followUpAsks: 'follow-up-asks',
  translateText: 'translate-text',
  pageCacheCleanup: 'page-cache-cleanup',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type JobData = {
  [QUEUES.needChanged]: { needId: string };
  [QUEUES.companyChanged]: { companyId: string };
  [QUEUES.rebuild]: { reason: string };
  [QUEUES.emailDelivery]: { emailId: string };
  [QUEUES.passwordResetRequested]: { email: string; ip: string | null };
  [QUEUES.tenderEvidence]: { needId: string; source: 'PROZORRO' | 'DREAM' };
  [QUEUES.hostilityRollForward]: Record<string, never>;
  [QUEUES.dailyDigest]: Record<string, never>;
  [QUEUES.weeklyDigest]: Record<string, never>;
  [QUEUES.facilitationCheck]: Record<string, never>;
  [QUEUES.followUpAsks]: Record<string, never>;
  /** One written text (lib/content/machine): the job reads it when it runs, never a copy. */
  [QUEUES.translateText]: { subject: TextSubject; subjectId: string; field: string };
  [QUEUES.pageCacheCleanup]: Record<string, never>;
};

/**
 * How long a job may stay active before it counts as abandoned (its worker died: kill -9, a
 * crash, a lost machine) and is retried. pg-boss's default is 15 minutes, during which
 * rankings lagged after a restart. Each is well above the work's real duration, since pg-boss
 * also fails a live handler that runs longer: re-ranking a need or a company takes under a
 * second (docs/benchmarks/matching.md, p95 0.6 s at 100,000 companies), a delivery is one SMTP
 * exchange, and a full rebuild took 405 s at that size.
 */
export const EXPIRE_IN_SECONDS: Partial<Record<QueueName, number>> = {
  [QUEUES.needChanged]: 30,
  [QUEUES.companyChanged]: 30,
  [QUEUES.emailDelivery]: 60,
  [QUEUES.rebuild]: 30 * 60,
  // A digest run renders one email per person: minutes for many thousands.
  [QUEUES.dailyDigest]: 15 * 60,
  [QUEUES.weeklyDigest]: 15 * 60,
  [QUEUES.facilitationCheck]: 5 * 60,
};
/** For any other queue: short work, retried soon after its worker dies. */
export const DEFAULT_EXPIRE_IN_SECONDS = 60;

/**
 * Retries after a failure, each after twice the wait of the one before (5 s base, with jitter).
 * A translation provider refusing for load (HTTP 429) is waited out for some 40 minutes.
 */
export const RETRY_LIMIT: Partial<Record<QueueName, number>> = {
  [QUEUES.translateText]: 8,
};
const DEFAULT_RETRY_LIMIT = 3;

/**
 * How often an instance with maintenance on looks for expired jobs (pg-boss's default is two
 * minutes). One instance does it per interval, whichever comes first. With the expiries above
 * an abandoned re-rank is retried within 30 + 15 s, and retried jobs wait `retryDelay` more.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 15;

export type JobQueueOptions = {
  /** Expire abandoned jobs and archive old ones (the app's instances; not one-off commands). */
  maintenance?: boolean;
  maintenanceIntervalSeconds?: number;
  expireInSeconds?: Partial<Record<QueueName, number>>;
  /** Run pg-boss's cron scheduler (the daily hostility roll-forward): the app's worker instances. */
  scheduler?: boolean;
};

/** A started queue client with every queue created. Stop it when done. */
export async function startJobQueue(connectionString: string, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: 3,
    supervise: options.maintenance ?? false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? MAINTENANCE_INTERVAL_SECONDS,
    schedule: options.scheduler ?? false,
  });
  boss.on('error', (error) => logError('jobs', error));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // 'short': at most one job per key waits while others run, so a burst of edits to the same
    // need re-ranks it once more, not once per edit.
    const settings = {
      name,
      policy: 'short',
      retryLimit: RETRY_LIMIT[name] ?? DEFAULT_RETRY_LIMIT,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds?.[name] ?? EXPIRE_IN_SECONDS[name] ?? DEFAULT_EXPIRE_IN_SECONDS,
    } as const;
    await boss.createQueue(name, settings);
    // createQueue leaves an existing queue as it was: databases made before these settings.
    await boss.updateQueue(name, settings);
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
  startAfterSeconds?: number,
): Promise<void> {
  await boss.send(queue, data, {
    singletonKey,
    ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
    db: { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) },
  });
}
