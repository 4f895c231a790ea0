import type { Prisma } from '../generated/prisma/client';
import type { Written } from './types';

/**
 * EXTENSION POINT for machine translation (the `machine` part fills this in): enqueue a job
 * that translates these texts into the platform's other languages, in the caller's transaction
 * so a rolled-back write queues nothing. With no provider configured it must do nothing — the
 * platform works without machine translation. Until then it does nothing at all.
 */
export async function enqueueMachineTranslation(tx: Prisma.TransactionClient, written: readonly Written[]): Promise<void> {
  void tx;
  void written;
}
