import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password';
import { createStaffUserSchema } from '../auth/schemas';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { parseInput } from '../validation';
import { createOneTimeLink, INVITATION_LINK_HOURS } from './one-time-link';
import { assertEmailFree } from './sign-up';

// A new installation has no account at all (production never seeds the demo world), so the
// first administrator comes from the command line: `npm run admin:create`. Whoever can run it
// already holds DATABASE_URL, which is the authority here; there is no signed-in actor, and
// this is deliberately not a server action. Later administrators are invited from /admin/users.

export const createAdministratorSchema = createStaffUserSchema.omit({ role: true });

export type CreatedAdministrator = { userId: string; link: string; expiresAt: Date };

/**
 * Creates an administrator who chooses their own password from the one-time link returned
 * (valid INVITATION_LINK_HOURS): nobody, not even the operator, ever knows it. Refuses an
 * email that already has an account.
 */
export async function createAdministrator(db: Db, input: unknown): Promise<CreatedAdministrator> {
  const data = parseInput(createAdministratorSchema, input);
  // Unusable until the link is used: nobody knows this password.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, data.email);
    const user = await tx.user.create({ data: { ...data, role: 'ADMIN', passwordHash } });
    const expiresAt = new Date(Date.now() + INVITATION_LINK_HOURS * 3_600_000);
    const link = await createOneTimeLink(tx, user.id, INVITATION_LINK_HOURS);
    await recordAudit(tx, null, {
      action: 'user.created',
      entityType: 'User',
      entityId: user.id,
      after: { email: user.email, role: user.role, via: 'command-line' },
    });
    return { userId: user.id, link, expiresAt };
  });
}
