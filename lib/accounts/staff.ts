import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { createStaffUserSchema, setUserDisabledSchema } from '../auth/schemas';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { EMAIL_TEMPLATES } from '../email/templates';
import { queueEmail } from '../email/outbox';
import { AppError } from '../errors';
import { Role } from '../generated/prisma/enums';
import { pageSchema, pageWindow, toPage, type Page } from '../pagination';
import { parseInput } from '../validation';
import { assertEmailFree } from './sign-up';
import { createOneTimeLink, INVITATION_LINK_HOURS } from './one-time-link';

// Facilitators and admins are never self-service: an admin creates them, and they choose
// their own password from an invitation link (nobody ever sends a password by email).

export async function createStaffUser(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['ADMIN']);
  const data = parseInput(createStaffUserSchema, input);
  // Unusable until the invitation is used: nobody knows this password.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, data.email);
    const user = await tx.user.create({ data: { ...data, passwordHash } });
    const link = await createOneTimeLink(tx, user.id, INVITATION_LINK_HOURS);
    const message = EMAIL_TEMPLATES.staffInvitation[user.locale]({ name: user.name, link, hours: INVITATION_LINK_HOURS });
    await queueEmail(tx, { kind: 'staff-invitation', to: user.email, locale: user.locale, ...message });
    await recordAudit(tx, actor, { action: 'user.created', entityType: 'User', entityId: user.id, after: { email: user.email, role: user.role }, ip: context.ip });
    return { userId: user.id };
  });
}

/** Disabling ends the user's sessions at once (sessionVersion) and blocks sign-in. */
export async function setUserDisabled(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['ADMIN']);
  const { userId, disabled } = parseInput(setUserDisabledSchema, input);
  if (userId === actor.userId) throw new AppError('VALIDATION', 'Cannot disable yourself', { reason: 'cannotDisableSelf' });
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!before) throw new AppError('NOT_FOUND');
    const user = await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: before.disabledAt ?? new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
    });
    await recordAudit(tx, actor, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'User',
      entityId: userId,
      before: { disabledAt: before.disabledAt?.toISOString() ?? null },
      after: { disabledAt: user.disabledAt?.toISOString() ?? null },
      ip: context.ip,
    });
    return { userId, disabled: user.disabledAt !== null };
  });
}

export const listUsersQuerySchema = z.object({
  role: z.enum(Role).optional().catch(undefined),
  page: pageSchema,
});

export type UserRow = { id: string; email: string; name: string; role: Role; organisation: string | null; disabled: boolean; lastSignInAt: Date | null; createdAt: Date };

export async function listUsers(db: Db, actor: Actor | null, query: unknown): Promise<Page<UserRow> & { role: Role | null }> {
  requireRole(actor, ['ADMIN']);
  const { role, page } = parseInput(listUsersQuerySchema, query);
  const where = role ? { role } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: 'asc' }, { email: 'asc' }],
      ...pageWindow(page),
      select: {
        id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true,
        company: { select: { legalNameEn: true } },
        municipality: { select: { hromada: { select: { nameEn: true } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { role: role ?? null, ...toPage(
    rows.map(({ company, municipality, disabledAt, ...row }) => ({
      ...row,
      organisation: company?.legalNameEn ?? municipality?.hromada.nameEn ?? null,
      disabled: disabledAt !== null,
    })),
    total,
    page,
  ) };
}
