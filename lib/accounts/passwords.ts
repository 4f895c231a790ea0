import { requireUser, type Actor } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password';
import { changePasswordSchema, requestPasswordResetSchema, resetPasswordSchema } from '../auth/schemas';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { EMAIL_TEMPLATES } from '../email/templates';
import { queueEmail } from '../email/outbox';
import { AppError } from '../errors';
import { passwordResetLimiter } from '../security/rate-limit';
import { parseInput } from '../validation';
import { createOneTimeLink, hashToken, RESET_LINK_HOURS } from './one-time-link';

/**
 * Emails a one-time reset link when the address belongs to an active account. The answer is
 * the same either way, so the form does not tell who has an account.
 */
export async function requestPasswordReset(db: Db, _actor: Actor | null, input: unknown, context: ActionContext) {
  const { email } = parseInput(requestPasswordResetSchema, input);
  await passwordResetLimiter(db).consume(email, context.ip);
  const user = await db.user.findUnique({ where: { email } });
  if (user && !user.disabledAt) {
    await db.$transaction(async (tx) => {
      const link = await createOneTimeLink(tx, user.id, RESET_LINK_HOURS);
      const message = EMAIL_TEMPLATES.passwordReset[user.locale]({ name: user.name, link, hours: RESET_LINK_HOURS });
      await queueEmail(tx, { kind: 'password-reset', to: user.email, locale: user.locale, ...message });
      await recordAudit(tx, null, { action: 'auth.password-reset.requested', entityType: 'User', entityId: user.id, ip: context.ip });
    });
  }
  return { sent: true as const };
}

/** Sets a new password from a link; the link works once, and every open session ends. */
export async function resetPassword(db: Db, _actor: Actor | null, input: unknown, context: ActionContext) {
  const { token, password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashToken(token);
    const now = new Date();
    // Claimed with a conditional update, so two tabs submitting the same link cannot both win.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError('VALIDATION', 'Reset link invalid', { fieldErrors: { token: 'validation.resetLink' }, reason: 'resetLink' });
    const { userId } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.disabledAt) throw new AppError('VALIDATION', 'Account disabled', { fieldErrors: { token: 'validation.resetLink' }, reason: 'resetLink' });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // Any other link sent earlier dies with this one.
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const actor: Actor = { userId, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId };
    await recordAudit(tx, actor, { action: 'auth.password-reset.completed', entityType: 'User', entityId: userId, ip: context.ip });
    return { email: user.email };
  });
}

/** Changes the signed-in user's password; every session, this one included, ends. */
export async function changePassword(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireUser(actor);
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION', 'Wrong password', { fieldErrors: { currentPassword: 'validation.wrongPassword' } });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: 'auth.password.changed', entityType: 'User', entityId: user.id, ip: context.ip });
  });
  return { signedOut: true as const };
}
