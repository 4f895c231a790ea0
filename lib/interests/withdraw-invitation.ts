import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { interestChanged } from '../match-store/enqueue';
import { noticesForWithdrawnInvitation } from '../notifications/events/answers';
import { parseInput } from '../validation';
import { withdrawInvitationSchema } from './interest-schema';

// A hromada takes back an invitation it sent. The row stays (withdrawnAt): the company reads that
// the invitation was withdrawn, and when — it does not just vanish — and is told by a notice.
// Taking back is allowed whatever the hromada's verification: it only reduces what it asked for.
// Inviting again later revives the same row (upsertInterest).

export async function withdrawInvitation(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  const { needId, companyId } = parseInput(withdrawInvitationSchema, input);
  const municipalityId = actor.municipalityId;
  if (!municipalityId) throw new AppError('FORBIDDEN', 'No municipality');

  return db.$transaction(async (tx) => {
    const invitation = await tx.interest.findFirst({
      where: { needId, companyId, direction: 'MUNICIPALITY_INVITATION', need: { municipalityId } },
      select: { id: true, withdrawnAt: true },
    });
    if (!invitation || invitation.withdrawnAt) throw new AppError('NOT_FOUND');
    const withdrawnAt = new Date();
    // The check and the write in one statement: of racing withdrawals one withdraws, the rest find nothing.
    const withdrawn = await tx.interest.updateMany({ where: { id: invitation.id, withdrawnAt: null }, data: { withdrawnAt } });
    if (withdrawn.count === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, { action: 'invitation.withdrawn', entityType: 'Interest', entityId: invitation.id, before: { withdrawnAt: null }, after: { withdrawnAt: withdrawnAt.toISOString() }, ip: context.ip });
    await interestChanged(tx, needId, companyId);
    await noticesForWithdrawnInvitation(tx, { interestId: invitation.id, needId, companyId, withdrawnAt });
    return { interestId: invitation.id };
  });
}
