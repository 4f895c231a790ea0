import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { normaliseEmail } from '../auth/email-address';
import { parseInput } from '../validation';
import { carriesOneTimeLink, outboxShowsLiveLinks, redactOneTimeLinks } from './one-time-links';

// The local outbox, read by administrators. Messages may hold one-time links (a reset, an
// invitation, a sign-up confirmation): an administrator sees them removed, or the outbox would
// let one take over any account, another administrator's included. Only a local development
// server without SMTP shows them (see one-time-links.ts).

export const outboxQuerySchema = z.object({
  to: z.string().max(254).transform(normaliseEmail).optional(),
  kind: z.string().max(60).optional(),
});

export async function readOutbox(db: Db, actor: Actor | null, query: unknown) {
  requireRole(actor, ['ADMIN']);
  const { to, kind } = parseInput(outboxQuerySchema, query);
  const emails = await db.outboxEmail.findMany({
    where: { ...(to ? { toAddress: to } : {}), ...(kind ? { kind } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, kind: true, toAddress: true, subject: true, text: true, locale: true, sentAt: true, createdAt: true },
  });
  if (outboxShowsLiveLinks()) return emails;
  return emails.map((email) => (carriesOneTimeLink(email.kind) ? { ...email, text: redactOneTimeLinks(email.text) } : email));
}
