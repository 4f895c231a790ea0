import { isStaff, requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { needChanged } from '../match-store/enqueue';
import { noticesForNeedChange } from '../notifications/events/needs';
import { requestTenderEvidence } from '../evidence/request-evidence';
import { parseInput } from '../validation';
import { writeVersioned } from './manage-needs';
import { closeNeedSchema, needTransitionSchema } from './need-schema';

// Closing a need is not the end of it: the municipality says why (fulfilled, cancelled, a
// duplicate of another need), and the municipality or a facilitator can reopen it — a need
// closed by mistake, or a tender that fell through. Both are audited and re-rank the need.

/** The need's own municipality, and facilitators (admins act as facilitators here). */
export const NEED_CLOSERS = ['MUNICIPALITY_REP', ...STAFF_ROLES] as const;

export async function closeNeed(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, NEED_CLOSERS);
  const { needId, expectedVersion, reason, duplicateOfNeedId } = parseInput(closeNeedSchema, input);
  return db.$transaction(async (tx) => {
    const before = await needForCloser(tx, actor, needId);
    if (before.status !== 'OPEN') throw new AppError('CONFLICT', `Need is ${before.status}`, { reason: 'needStatus' });
    if (duplicateOfNeedId) await assertSameMunicipality(tx, duplicateOfNeedId, before.municipalityId);
    const closed = { status: 'CLOSED' as const, closedAt: new Date(), closeReason: reason, duplicateOfId: duplicateOfNeedId };
    await writeVersioned(tx, needId, expectedVersion, closed);
    await recordAudit(tx, actor, {
      action: 'need.closed',
      entityType: 'Need',
      entityId: needId,
      before: { status: before.status },
      after: { status: closed.status, closeReason: reason, duplicateOfId: duplicateOfNeedId },
      ip: context.ip,
    });
    await needChanged(tx, needId);
    await noticesForNeedChange(tx, needId, 'closed', expectedVersion + 1);
    return { needId, version: expectedVersion + 1, closeReason: reason };
  });
}

export async function reopenNeed(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, NEED_CLOSERS);
  const { needId, expectedVersion } = parseInput(needTransitionSchema, input);
  return db.$transaction(async (tx) => {
    const before = await needForCloser(tx, actor, needId);
    if (before.status !== 'CLOSED') throw new AppError('CONFLICT', `Need is ${before.status}`, { reason: 'needStatus' });
    // An open need of an unverified municipality would be listed nowhere: publishing has the same rule.
    const municipality = await tx.municipality.findUniqueOrThrow({ where: { id: before.municipalityId }, select: { verificationStatus: true } });
    if (municipality.verificationStatus !== 'VERIFIED') throw new AppError('CONFLICT', 'Municipality not verified', { reason: 'notVerified' });
    await writeVersioned(tx, needId, expectedVersion, { status: 'OPEN', closedAt: null, closeReason: null, duplicateOfId: null });
    await recordAudit(tx, actor, {
      action: 'need.reopened',
      entityType: 'Need',
      entityId: needId,
      before: { status: before.status, closeReason: before.closeReason, duplicateOfId: before.duplicateOfId },
      after: { status: 'OPEN' },
      ip: context.ip,
    });
    await needChanged(tx, needId);
    await noticesForNeedChange(tx, needId, 'changed', expectedVersion + 1);
    await requestTenderEvidence(tx, needId);
    return { needId, version: expectedVersion + 1 };
  });
}

/**
 * Other needs the closer may name as the one this need repeats: the same municipality's, not
 * drafts, newest first.
 */
export async function listDuplicateCandidates(db: Db, actor: Actor | null, needId: string) {
  requireRole(actor, NEED_CLOSERS);
  const need = await needForCloser(db, actor, needId);
  return db.need.findMany({
    where: { municipalityId: need.municipalityId, id: { not: needId }, status: { not: 'DRAFT' } },
    orderBy: { publishedAt: 'desc' },
    select: { id: true, title: true, status: true },
    take: 100,
  });
}

/** Another municipality's need is FORBIDDEN (and audited by the runner); staff reach every need. */
async function needForCloser(tx: Prisma.TransactionClient | Db, actor: Actor, needId: string) {
  const need = await tx.need.findUnique({ where: { id: needId } });
  if (!need) throw new AppError('NOT_FOUND');
  if (!isStaff(actor) && need.municipalityId !== actor.municipalityId) throw new AppError('FORBIDDEN', 'Not your need');
  return need;
}

async function assertSameMunicipality(tx: Prisma.TransactionClient, duplicateOfNeedId: string, municipalityId: string) {
  const original = await tx.need.findUnique({ where: { id: duplicateOfNeedId }, select: { municipalityId: true, status: true } });
  if (!original || original.municipalityId !== municipalityId || original.status === 'DRAFT') {
    throw new AppError('VALIDATION', 'Not one of the municipality’s needs', { fieldErrors: { duplicateOfNeedId: 'validation.duplicateOfUnknown' } });
  }
}
