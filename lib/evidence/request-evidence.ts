import { env } from '../env';
import type { Prisma } from '../generated/prisma/client';
import { QUEUES } from '../jobs/queue';
import { enqueue } from '../match-store/enqueue';
import type { EvidenceSourceName } from './ocid';

export type EvidenceEndpoints = Partial<Record<EvidenceSourceName, string>>;

export const configuredEndpoints = (): EvidenceEndpoints => ({ PROZORRO: env.PROZORRO_OCDS_URL, DREAM: env.DREAM_OCDS_URL });

/**
 * Queues a fetch for each source the need names a tender or project on and an endpoint is
 * configured for, in the caller's transaction. Without endpoints it does nothing.
 */
export async function requestTenderEvidence(tx: Prisma.TransactionClient, needId: string, endpoints: EvidenceEndpoints = configuredEndpoints()) {
  const need = await tx.need.findUnique({ where: { id: needId }, select: { prozorroTenderId: true, dreamProjectId: true, status: true } });
  if (!need || need.status !== 'OPEN') return;
  if (need.prozorroTenderId && endpoints.PROZORRO) await enqueue(tx, QUEUES.tenderEvidence, { needId, source: 'PROZORRO' }, `${needId}:PROZORRO`);
  if (need.dreamProjectId && endpoints.DREAM) await enqueue(tx, QUEUES.tenderEvidence, { needId, source: 'DREAM' }, `${needId}:DREAM`);
}

