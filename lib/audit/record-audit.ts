import type { Actor } from '../auth/actor';
import type { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

/** Written inside the transaction of the change it records, so neither exists without the other. */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const organisation = actor?.companyId
    ? { organisationType: 'Company', organisationId: actor.companyId }
    : actor?.municipalityId
      ? { organisationType: 'Municipality', organisationId: actor.municipalityId }
      : {};
  await tx.auditLog.create({
    data: {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      ...organisation,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ip: entry.ip ?? null,
    },
  });
}
