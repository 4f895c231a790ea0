import type { Prisma } from '../generated/prisma/client';
import { enqueueMachineTranslation } from './machine-queue';
import type { Written } from './types';

/**
 * Call in the SAME transaction as any write of free text (a need's title and description, a
 * note, a message): it asks for machine translations when a provider is configured, and does
 * nothing otherwise. Empty texts need no translation.
 */
export async function queueTranslations(tx: Prisma.TransactionClient, written: readonly Written[]): Promise<void> {
  const worthTranslating = written.filter((item) => item.text.trim() !== '');
  if (worthTranslating.length > 0) await enqueueMachineTranslation(tx, worthTranslating);
}
