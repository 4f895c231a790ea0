import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { normaliseEmail } from '../auth/email-address';
import { parseInput } from '../validation';

// The local outbox, read by administrators (and by the end-to-end tests, signed in as one).
// Messages hold one-time links, so nobody else may list them.

export const outboxQuerySchema = z.object({
  to: z.string().max(254).transform(normaliseEmail).optional(),
  kind: z.string().max(60).optional(),
});

export async function readOutbox(db: Db, actor: Actor | null, query: unknown) {
  requireRole(actor, ['ADMIN']);
  const { to, kind } = parseInput(outboxQuerySchema, query);
  return db.outboxEmail.findMany({
    where: { ...(to ? { toAddress: to } : {}), ...(kind ? { kind } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, kind: true, toAddress: true, subject: true, text: true, locale: true, sentAt: true, createdAt: true },
  });
}
