import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { sessionAbsoluteSeconds, sessionIdOf, type SessionClaims } from './session';

/**
 * Opens the session a new token will name (its `sid`). Rows past the absolute lifetime can no
 * longer be honoured, so the user's expired ones go at the same time: the table stays as small
 * as the number of live sessions.
 */
export async function startSession(db: Db, userId: string, now = new Date()): Promise<{ id: string }> {
  const expiredBefore = new Date(now.getTime() - sessionAbsoluteSeconds() * 1000);
  return db.$transaction(async (tx) => {
    await tx.userSession.deleteMany({ where: { userId, createdAt: { lt: expiredBefore } } });
    return tx.userSession.create({ data: { userId, createdAt: now }, select: { id: true } });
  });
}

/**
 * Sign-out: the token's session is revoked on the server, so a copy of the cookie stops working
 * too. Only this device's session ends; the user's others stay open. Returns whether anything
 * was revoked (a second sign-out with the same token, or a forged sid, changes nothing).
 */
export async function endSession(db: Db, claims: SessionClaims | null, ip: string | null): Promise<boolean> {
  const sid = sessionIdOf(claims);
  const sub = claims?.sub;
  if (!sid || typeof sub !== 'string') return false;
  const session = await db.userSession.findUnique({
    where: { id: sid },
    select: { userId: true, revokedAt: true, user: { select: { role: true, companyId: true, municipalityId: true } } },
  });
  if (!session || session.revokedAt || session.userId !== sub) return false;
  const actor = { userId: sub, ...session.user };
  return db.$transaction(async (tx) => {
    const revoked = await tx.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) return false;
    await recordAudit(tx, actor, { action: 'auth.signed-out', entityType: 'UserSession', entityId: sid, ip });
    return true;
  });
}
