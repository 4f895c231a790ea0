import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { signInLimiter } from '../security/rate-limit';
import type { Actor } from './actor';
import { verifyAgainstDecoy, verifyPassword } from './password';
import { signInSchema } from './schemas';

export type SignedInUser = Actor & { email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all return
 * null (the same answer, in about the same time). RATE_LIMITED comes before the password is
 * looked at: when the address or the account from this address used up its window, or while
 * the account backs off after failures from elsewhere (seconds, never a lockout). Every attempt
 * is audited.
 */
export async function authenticate(db: Db, input: unknown, ip: string | null): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const limiter = signInLimiter(db);

  try {
    await limiter.admit(email, ip);
  } catch (error) {
    if (error instanceof AppError) {
      await recordAudit(db, null, { action: 'auth.sign-in.rate-limited', entityType: 'User', after: { email, limit: error.message }, ip });
    }
    throw error;
  }

  const user = await db.user.findUnique({ where: { email } });
  const isValid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (!user || !isValid || user.disabledAt) {
    await limiter.failed(email);
    await recordAudit(db, null, {
      action: 'auth.sign-in.failed',
      entityType: 'User',
      entityId: user?.id ?? null,
      after: { email, reason: !user ? 'unknown-email' : !isValid ? 'wrong-password' : 'disabled' },
      ip,
    });
    return null;
  }

  await limiter.succeeded(email, ip);
  const actor: Actor = { userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, actor, { action: 'auth.sign-in.succeeded', entityType: 'User', entityId: user.id, ip });
  });
  return { ...actor, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
