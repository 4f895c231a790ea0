import { createHash, randomBytes } from 'node:crypto';
import { env } from '../env';
import type { Prisma } from '../generated/prisma/client';

// One-time links for password reset and for a new staff member's first password. The link
// carries 256 random bits; the database keeps only their SHA-256, so a read of the table does
// not hand out working links.

export const RESET_LINK_HOURS = 1;
export const INVITATION_LINK_HOURS = 72;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createOneTimeLink(
  tx: Prisma.TransactionClient,
  userId: string,
  validHours: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.passwordResetToken.create({
    data: { tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + validHours * 3_600_000) },
  });
  return new URL(`/reset-password/${token}`, env.NEXTAUTH_URL).toString();
}

/**
 * Ends every reset or invitation link of the user that is still open. Called whenever the
 * password changes, however: a link mailed before the change must not undo it.
 */
export async function revokeOneTimeLinks(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<void> {
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
