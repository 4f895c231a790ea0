import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { InterestDirection, Prisma } from '../generated/prisma/client';
import { interestChanged } from '../match-store/enqueue';

// One interest per company, need and direction — a company's own interest or a hromada's
// invitation. Saving again updates the note (and revives a withdrawn one); every save is
// audited and re-ranks the pair, in the caller's transaction.

type Interest = { companyId: string; needId: string; direction: InterestDirection; note: string };
const AUDIT_ACTIONS: Record<InterestDirection, { created: string; updated: string }> = {
  COMPANY_INTEREST: { created: 'interest.registered', updated: 'interest.updated' },
  MUNICIPALITY_INVITATION: { created: 'invitation.sent', updated: 'invitation.updated' },
};

/** Returns the saved row and whether it was live before (so a caller notifies only once). */
export async function upsertInterest(tx: Prisma.TransactionClient, actor: Actor, interest: Interest, context: ActionContext) {
  const { companyId, needId, direction, note } = interest;
  const key = { companyId_needId_direction: { companyId, needId, direction } };
  const before = await tx.interest.findUnique({ where: key });
  const saved = await tx.interest.upsert({
    where: key,
    create: { companyId, needId, direction, note, createdById: actor.userId },
    update: { note, withdrawnAt: null },
  });
  await recordAudit(tx, actor, {
    action: before ? AUDIT_ACTIONS[direction].updated : AUDIT_ACTIONS[direction].created,
    entityType: 'Interest',
    entityId: saved.id,
    before: before ? { note: before.note, withdrawnAt: before.withdrawnAt?.toISOString() ?? null } : null,
    after: { needId, companyId, note },
    ip: context.ip,
  });
  await interestChanged(tx, needId, companyId);
  return { interest: saved, wasLive: before !== null && before.withdrawnAt === null };
}
