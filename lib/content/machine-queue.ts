import type { Prisma } from '../generated/prisma/client';
import { enqueueTranslationJobs } from './machine/worker';
import type { Written } from './types';

/**
 * Enqueues a `translate-text` job per text (lib/content/machine), in the caller's transaction
 * so a rolled-back write queues nothing. With no provider configured (DEEPL_API_KEY unset) it
 * does nothing — the platform works without machine translation.
 */
export async function enqueueMachineTranslation(tx: Prisma.TransactionClient, written: readonly Written[]): Promise<void> {
  await enqueueTranslationJobs(tx, written);
}
