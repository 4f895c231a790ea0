import { requireUser, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { parseInput } from '../validation';
import { emailLanguageSchema } from './preference-schema';

/** Sets the signed-in person's email language: their own row, nobody else's. */
export async function setEmailLanguage(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireUser(actor);
  const { locale } = parseInput(emailLanguageSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } });
    await tx.user.update({ where: { id: actor.userId }, data: { locale } });
    await recordAudit(tx, actor, { action: 'user.email-language', entityType: 'User', entityId: actor.userId, before, after: { locale }, ip: context.ip });
    return { locale };
  });
}
