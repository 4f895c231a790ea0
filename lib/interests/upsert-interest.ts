import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { InterestDirection, Prisma } from '../generated/prisma/client';
import { interestChanged } from '../match-store/enqueue';
import { authorLanguage } from '../content/author-language';
import { queueTranslations } from '../content/queue-translations';
import { interestNote } from '../content/written';
import type { Locale } from '../generated/prisma/enums';

// One interest per company, need and direction — a company's own interest or a hromada's
// invitation. Saving again updates the note (and revives a withdrawn one). Side effects follow
// real changes only: a save that changes nothing writes no audit row and queues nothing, however
// many identical requests race (a double click, a retried request). Whether this request changed
// something is decided in the database: the insert that wins the unique key creates the row, and
// every other request takes the row's lock before comparing, so the next one sees the change.

type Interest = { companyId: string; needId: string; direction: InterestDirection; note: string; noteLanguage?: Locale };
const AUDIT_ACTIONS: Record<InterestDirection, { created: string; updated: string }> = {
  COMPANY_INTEREST: { created: 'interest.registered', updated: 'interest.updated' },
  MUNICIPALITY_INVITATION: { created: 'invitation.sent', updated: 'invitation.updated' },
};

export type UpsertOutcome = {
  interest: { id: string };
  /** The interest went live with this request (created, or revived after a withdrawal): notify once. */
  becameLive: boolean;
  /** When it was withdrawn before this request revived it: names the revival as its own event. */
  revivedFrom?: Date;
};

/** Saves the interest in the caller's transaction; audits and re-ranks only when something changed. */
export async function upsertInterest(tx: Prisma.TransactionClient, actor: Actor, interest: Interest, context: ActionContext): Promise<UpsertOutcome> {
  const { companyId, needId, direction, note } = interest;
  const noteLanguage = await authorLanguage(tx, actor, interest.noteLanguage);
  const key = { companyId_needId_direction: { companyId, needId, direction } };
  const audit = (action: string, id: string, before: Prisma.InputJsonValue | null) =>
    recordAudit(tx, actor, { action, entityType: 'Interest', entityId: id, before, after: { needId, companyId, note, noteLanguage }, ip: context.ip });

  // ON CONFLICT DO NOTHING: of racing first saves one inserts, the others wait for it and insert nothing.
  const inserted = await tx.interest.createMany({ data: [{ companyId, needId, direction, note, noteLanguage, createdById: actor.userId }], skipDuplicates: true });
  if (inserted.count === 1) {
    const created = await tx.interest.findUniqueOrThrow({ where: key, select: { id: true } });
    await audit(AUDIT_ACTIONS[direction].created, created.id, null);
    await queueTranslations(tx, [interestNote({ id: created.id, note, noteLanguage })]);
    await interestChanged(tx, needId, companyId);
    return { interest: created, becameLive: true };
  }

  // The row exists: lock it, then read it as the last committed change left it.
  await tx.$executeRaw`SELECT 1 FROM "Interest" WHERE "companyId" = ${companyId}::uuid AND "needId" = ${needId}::uuid
    AND direction = ${direction}::"InterestDirection" FOR UPDATE`;
  const before = await tx.interest.findUniqueOrThrow({ where: key, select: { id: true, note: true, noteLanguage: true, withdrawnAt: true } });
  const wasLive = before.withdrawnAt === null;
  if (wasLive && before.note === note && before.noteLanguage === noteLanguage) return { interest: { id: before.id }, becameLive: false };

  // A withdrawn interest registered again is a new interest: the hromada's old answer no longer holds.
  const freshAnswer = wasLive ? {} : { response: null, responseReason: '', responseLanguage: null, respondedAt: null, respondedById: null };
  await tx.interest.update({ where: { id: before.id }, data: { note, noteLanguage, withdrawnAt: null, ...freshAnswer } });
  // The old answer's translations go with it, or they would come back beside a new reason.
  if (!wasLive) await tx.textTranslation.deleteMany({ where: { subject: 'INTEREST_RESPONSE', subjectId: before.id } });
  await audit(AUDIT_ACTIONS[direction].updated, before.id, { note: before.note, noteLanguage: before.noteLanguage, withdrawnAt: before.withdrawnAt?.toISOString() ?? null });
  await queueTranslations(tx, [interestNote({ id: before.id, note, noteLanguage })]);
  // Only whether an interest is live counts in the ranking, not its note.
  if (!wasLive) await interestChanged(tx, needId, companyId);
  return { interest: { id: before.id }, becameLive: !wasLive, ...(before.withdrawnAt ? { revivedFrom: before.withdrawnAt } : {}) };
}
