import type PgBoss from 'pg-boss';
import { requireUser, type Actor } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/password';
import { judgePassword } from '../auth/password-strength';
import { changePasswordSchema, requestPasswordResetSchema, resetPasswordSchema } from '../auth/schemas';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { EMAIL_TEMPLATES } from '../email/templates';
import { queueEmail } from '../email/outbox';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { QUEUES, type JobData } from '../jobs/queue';
import { enqueue } from '../match-store/enqueue';
import { passwordResetLimiter } from '../security/rate-limit';
import { parseInput } from '../validation';
import { createOneTimeLink, hashToken, RESET_LINK_HOURS, revokeOneTimeLinks } from './one-time-link';

/**
 * Queues a reset request; a worker emails the link if the address belongs to an active
 * account. The request does the same work and gives the same answer for any address, so
 * neither the answer nor its timing tells who has an account. Limits are per address and per
 * (account, address), never per account alone: nobody can use up the owner's own requests.
 */
export async function requestPasswordReset(db: Db, _actor: Actor | null, input: unknown, context: ActionContext) {
  const { email } = parseInput(requestPasswordResetSchema, input);
  await passwordResetLimiter(db).consume(email, context.ip);
  await db.$transaction((tx) => enqueue(tx, QUEUES.passwordResetRequested, { email, ip: context.ip }, email));
  return { sent: true as const };
}

/**
 * The worker's half of a reset request: looks the account up and emails a link, at most one
 * per account per cooldown (a burst of requests from anywhere sends one email, not a flood).
 */
export async function sendPasswordReset(db: Db, { email, ip }: JobData[typeof QUEUES.passwordResetRequested]): Promise<void> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) return;
  if (!(await passwordResetLimiter(db).mayEmail(email))) return;
  await db.$transaction(async (tx) => {
    const link = await createOneTimeLink(tx, user.id, RESET_LINK_HOURS);
    const message = EMAIL_TEMPLATES.passwordReset[user.locale]({ name: user.name, link, hours: RESET_LINK_HOURS });
    await queueEmail(tx, { kind: 'password-reset', to: user.email, locale: user.locale, ...message });
    await recordAudit(tx, null, { action: 'auth.password-reset.requested', entityType: 'User', entityId: user.id, ip });
  });
}

export async function startPasswordResetWorker(db: Db, boss: PgBoss): Promise<void> {
  await boss.work<JobData[typeof QUEUES.passwordResetRequested]>(QUEUES.passwordResetRequested, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    await sendPasswordReset(db, job.data);
  });
}

/** Works every queued reset request now, in this process (tests, commands). */
export async function drainPasswordResetRequests(db: Db, boss: PgBoss): Promise<number> {
  let done = 0;
  for (;;) {
    const jobs = await boss.fetch<JobData[typeof QUEUES.passwordResetRequested]>(QUEUES.passwordResetRequested, { batchSize: 10 });
    if (jobs.length === 0) return done;
    for (const job of jobs) {
      await sendPasswordReset(db, job.data);
      await boss.complete(QUEUES.passwordResetRequested, job.id);
      done += 1;
    }
  }
}

/** Refuses a new password built from what others know of the user: email, name, organisation. */
export async function assertPasswordAvoidsUser(tx: Prisma.TransactionClient, userId: string, password: string, field: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      company: { select: { legalNameJa: true, legalNameEn: true } },
      municipality: { select: { hromada: { select: { nameUk: true, nameEn: true } } } },
    },
  });
  const hromada = user.municipality?.hromada;
  assertPasswordAvoids(password, [user.email, user.name, user.company?.legalNameJa, user.company?.legalNameEn, hromada?.nameUk, hromada?.nameEn], field);
}

export function assertPasswordAvoids(password: string, personal: Array<string | null | undefined>, field: string): void {
  const verdict = judgePassword(password, personal);
  if (verdict) throw new AppError('VALIDATION', 'Password too easy to guess', { fieldErrors: { [field]: verdict } });
}

/**
 * Sets a new password from a link (a reset, or a new staff member's invitation); the link
 * works once, every other open link dies with it, and every open session ends.
 */
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
    // Refused here, the transaction rolls back and the link stays usable for a better choice.
    await assertPasswordAvoidsUser(tx, userId, password, 'password');
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeOneTimeLinks(tx, userId, now);
    const actor: Actor = { userId, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId };
    await recordAudit(tx, actor, { action: 'auth.password-reset.completed', entityType: 'User', entityId: userId, ip: context.ip });
    return { email: user.email };
  });
}

/** Changes the signed-in user's password; every session, this one included, and every open reset link end. */
export async function changePassword(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireUser(actor);
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION', 'Wrong password', { fieldErrors: { currentPassword: 'validation.wrongPassword' } });
  }
  await assertPasswordAvoidsUser(db, user.id, newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // A reset link mailed before the change must not undo it.
    await revokeOneTimeLinks(tx, user.id);
    await recordAudit(tx, actor, { action: 'auth.password.changed', entityType: 'User', entityId: user.id, ip: context.ip });
  });
  return { signedOut: true as const };
}
