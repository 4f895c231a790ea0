import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { resubmitVerificationSchema } from './verification-schema';
import { assertClaimFree } from './verify-organisation';

// A rejection is not final: the organisation reads why, fixes its details (the company its
// profile; a hromada explains who its representative is) and asks to be checked again. It is
// then UNVERIFIED once more, back in the facilitators' queue with the earlier reason beside it.

type OwnOrganisation = { kind: 'company' | 'municipality'; id: string };

function ownOrganisation(actor: Actor): OwnOrganisation {
  if (actor.role === 'COMPANY_REP' && actor.companyId) return { kind: 'company', id: actor.companyId };
  if (actor.role === 'MUNICIPALITY_REP' && actor.municipalityId) return { kind: 'municipality', id: actor.municipalityId };
  throw new AppError('FORBIDDEN', 'No organisation');
}

export async function resubmitForVerification(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['COMPANY_REP', 'MUNICIPALITY_REP']);
  const { expectedVersion, note } = parseInput(resubmitVerificationSchema, input);
  const { kind, id } = ownOrganisation(actor);
  return db.$transaction(async (tx) => {
    const before = await readVerification(tx, { kind, id });
    if (before.verificationStatus !== 'REJECTED') throw new AppError('CONFLICT', 'Not rejected', { reason: 'notRejected' });
    // The rejection released the hromada or corporate number; someone may have claimed it since.
    await assertClaimFree(tx, kind, id);
    const where = { id, version: expectedVersion, verificationStatus: 'REJECTED' as const };
    const data = { verificationStatus: 'UNVERIFIED' as const, resubmittedAt: new Date(), resubmissionNote: note || null, version: { increment: 1 } };
    const updated = kind === 'company' ? await tx.company.updateMany({ where, data }) : await tx.municipality.updateMany({ where, data });
    if (updated.count === 0) throw new AppError('CONFLICT', 'Changed since it was loaded', { reason: 'staleVersion' });
    await recordAudit(tx, actor, {
      action: `${kind}.resubmitted`,
      entityType: kind === 'company' ? 'Company' : 'Municipality',
      entityId: id,
      before: { verificationStatus: before.verificationStatus },
      after: { verificationStatus: 'UNVERIFIED', resubmissionNote: note || null },
      ip: context.ip,
    });
    return { id, version: expectedVersion + 1, verificationStatus: 'UNVERIFIED' as const };
  });
}

/** The caller's own organisation's verification, as its pages show it (null for staff). */
export async function getOwnVerification(db: Db, actor: Actor | null) {
  requireRole(actor, ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN']);
  if (actor.role !== 'COMPANY_REP' && actor.role !== 'MUNICIPALITY_REP') return null;
  const organisation = ownOrganisation(actor);
  return { kind: organisation.kind, ...(await readVerification(db, organisation)) };
}

const VERIFICATION = {
  version: true, verificationStatus: true, verifiedAt: true, rejectionReason: true, rejectionCategory: true, rejectedAt: true, resubmittedAt: true,
} as const;

async function readVerification(db: Pick<Db, 'company' | 'municipality'>, { kind, id }: OwnOrganisation) {
  const row = kind === 'company'
    ? await db.company.findUnique({ where: { id }, select: VERIFICATION })
    : await db.municipality.findUnique({ where: { id }, select: VERIFICATION });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
