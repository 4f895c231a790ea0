import type PgBoss from 'pg-boss';
import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { QUEUES, type JobData } from '../../jobs/queue';
import { logError } from '../../logging/log';
import { enqueue } from '../../match-store/enqueue';
import type { Written } from '../types';
import { configuredProvider, isMachineTranslationConfigured } from './configured';
import { ProviderBusyError, type MachineProvider } from './provider';
import { translateText } from './translate-text';

// Queues and works `translate-text` jobs. Without a configured provider nothing is queued and no
// worker starts: texts wait for people to translate them, and nothing else changes.

const jobKey = (written: Pick<Written, 'subject' | 'subjectId' | 'field'>) => `${written.subject}:${written.subjectId}:${written.field}`;

/** In the caller's transaction: a rolled-back write queues nothing. One job per text; a burst of edits queues one. */
export async function enqueueTranslationJobs(tx: Prisma.TransactionClient, written: readonly Written[]): Promise<void> {
  if (!isMachineTranslationConfigured()) return;
  for (const item of written) {
    await enqueue(tx, QUEUES.translateText, { subject: item.subject, subjectId: item.subjectId, field: item.field }, jobKey(item));
  }
}

/** One job; a provider refusing for load fails it, and pg-boss retries it later with back-off. */
export async function runTranslateJob(db: Db, provider: MachineProvider, data: JobData[typeof QUEUES.translateText]): Promise<void> {
  try {
    await translateText(db, provider, data);
  } catch (error) {
    if (!(error instanceof ProviderBusyError)) logError('machine-translation', error, { subject: data.subject, subjectId: data.subjectId, field: data.field });
    throw error;
  }
}

export async function startTranslationWorker(db: Db, boss: PgBoss, provider: MachineProvider | null = configuredProvider()): Promise<void> {
  if (!provider) return;
  await boss.work<JobData[typeof QUEUES.translateText]>(QUEUES.translateText, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    await runTranslateJob(db, provider, job.data);
  });
}
