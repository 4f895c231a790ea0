import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ensureSessionSecret } from '../auth/platform-secret';
import type { Db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { parseInput } from '../validation';
import { isNoticeKind, kindsForRole, NOTICE_KINDS } from './kinds';

// One-click unsubscribe (RFC 8058): every notice email carries a link signed for its recipient
// and its kind (or `digest` for a digest). Whoever holds the link may stop those emails, without
// signing in — mail providers POST to it — and nobody can forge one for another person or kind.
// Unsubscribing keeps the notices in the app (IN_APP): it stops email, not the record.

type Client = Db | Prisma.TransactionClient;

export const DIGEST_SCOPE = 'digest';

async function secret(client: Client): Promise<string> {
  return env.UNSUBSCRIBE_SECRET ?? env.NEXTAUTH_SECRET ?? (await ensureSessionSecret(client as Db));
}

const sign = (key: string, userId: string, scope: string) => createHmac('sha256', key).update(`unsubscribe:${userId}:${scope}`).digest('base64url');

export async function unsubscribeSignature(client: Client, userId: string, scope: string): Promise<string> {
  return sign(await secret(client), userId, scope);
}

/** Query string for the page and the POST endpoint: `u`, `k`, `s`. */
export async function unsubscribeQuery(client: Client, userId: string, scope: string): Promise<string> {
  const signature = await unsubscribeSignature(client, userId, scope);
  return new URLSearchParams({ u: userId, k: scope, s: signature }).toString();
}

export const unsubscribeSchema = z.object({
  u: z.uuid(),
  k: z.string().max(60).refine((scope) => scope === DIGEST_SCOPE || isNoticeKind(scope)),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type UnsubscribeRequest = z.infer<typeof unsubscribeSchema>;

/** Checks the signature; throws FORBIDDEN for a forged or altered link. */
export async function verifyUnsubscribe(client: Client, input: unknown): Promise<UnsubscribeRequest> {
  const request = parseInput(unsubscribeSchema, input);
  const expected = Buffer.from(sign(await secret(client), request.u, request.k));
  const given = Buffer.from(request.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('FORBIDDEN', 'Bad unsubscribe signature');
  return request;
}

/** Stops the emails the link names. Idempotent: a second POST changes nothing. */
export async function unsubscribe(db: Db, input: unknown): Promise<{ scope: string }> {
  const request = await verifyUnsubscribe(db, input);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: request.u }, select: { id: true, role: true } });
    if (!user) throw new AppError('NOT_FOUND');
    const kinds = request.k === DIGEST_SCOPE ? await digestKinds(tx, user.id, user.role) : [request.k];
    for (const kind of kinds) {
      const current = await tx.noticePreference.findUnique({ where: { userId_kind: { userId: user.id, kind } } });
      if (current?.delivery === 'OFF' || current?.delivery === 'IN_APP') continue;
      await tx.noticePreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, delivery: 'IN_APP' },
        update: { delivery: 'IN_APP' },
      });
      await tx.auditLog.create({ data: { actorId: user.id, actorRole: user.role, action: 'notices.unsubscribe', entityType: 'NoticePreference', entityId: `${user.id}:${kind}` } });
    }
    return { scope: request.k };
  });
}

/** The kinds a person receives in a daily or weekly digest now. */
async function digestKinds(tx: Prisma.TransactionClient, userId: string, role: Parameters<typeof kindsForRole>[0]): Promise<string[]> {
  const preferences = new Map((await tx.noticePreference.findMany({ where: { userId } })).map((row) => [row.kind, row.delivery]));
  return kindsForRole(role).filter((kind) => {
    const delivery = preferences.get(kind) ?? NOTICE_KINDS[kind].defaultDelivery;
    return delivery === 'DAILY' || delivery === 'WEEKLY';
  });
}
