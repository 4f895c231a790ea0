import { requireRole, requireUser, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { NoticeDelivery } from '../generated/prisma/enums';
import { PUBLIC_NEED_WHERE } from '../needs/public-needs';
import { parseInput } from '../validation';
import { kindsForRole, NOTICE_KINDS, type NoticeKind } from './kinds';
import { followNeedSchema, markAllNoticesReadSchema, markNoticeReadSchema, noticePreferencesSchema } from './schemas';

// A person's own notices and choices: every function reads and writes the caller's rows only.

export const NOTICES_PER_PAGE = 30;

/** The header's badge: one count over the partial index of unread notices. */
export async function countUnreadNotices(db: Db, actor: Actor | null): Promise<number> {
  if (!actor) return 0;
  return db.notice.count({ where: { userId: actor.userId, readAt: null } });
}

export async function listOwnNotices(db: Db, actor: Actor | null, page = 1) {
  requireUser(actor);
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  const [notices, total] = await Promise.all([
    db.notice.findMany({
      where: { userId: actor.userId },
      orderBy: { createdAt: 'desc' },
      skip: (safePage - 1) * NOTICES_PER_PAGE,
      take: NOTICES_PER_PAGE,
      select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
    }),
    db.notice.count({ where: { userId: actor.userId } }),
  ]);
  return { notices, total, page: safePage, pages: Math.max(1, Math.ceil(total / NOTICES_PER_PAGE)) };
}

export async function markNoticeRead(db: Db, actor: Actor | null, input: unknown) {
  requireUser(actor);
  const { noticeId } = parseInput(markNoticeReadSchema, input);
  // Someone else's notice reads as missing, like one that does not exist.
  const notice = await db.notice.findFirst({ where: { id: noticeId, userId: actor.userId }, select: { id: true } });
  if (!notice) throw new AppError('NOT_FOUND');
  await db.notice.updateMany({ where: { id: noticeId, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return { noticeId };
}

export async function markAllNoticesRead(db: Db, actor: Actor | null, input: unknown) {
  requireUser(actor);
  parseInput(markAllNoticesReadSchema, input ?? {});
  const { count } = await db.notice.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}

export type OwnPreferences = { kinds: { kind: NoticeKind; delivery: NoticeDelivery }[]; scoreThreshold: number | null };

export async function getOwnNoticePreferences(db: Db, actor: Actor | null): Promise<OwnPreferences> {
  requireUser(actor);
  const [rows, company] = await Promise.all([
    db.noticePreference.findMany({ where: { userId: actor.userId }, select: { kind: true, delivery: true } }),
    actor.role === 'COMPANY_REP' && actor.companyId ? db.company.findUnique({ where: { id: actor.companyId }, select: { noticeScoreThreshold: true } }) : null,
  ]);
  const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
  return {
    kinds: kindsForRole(actor.role).map((kind) => ({ kind, delivery: chosen.get(kind) ?? NOTICE_KINDS[kind].defaultDelivery })),
    scoreThreshold: company?.noticeScoreThreshold ?? null,
  };
}

export async function setNoticePreferences(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireUser(actor);
  const { preferences, scoreThreshold } = parseInput(noticePreferencesSchema, input);
  const allowed = new Set<string>(kindsForRole(actor.role));
  if (preferences.some((preference) => !allowed.has(preference.kind))) throw new AppError('VALIDATION', 'Kind not for this role');
  return db.$transaction(async (tx) => {
    for (const { kind, delivery } of preferences) {
      await tx.noticePreference.upsert({ where: { userId_kind: { userId: actor.userId, kind } }, create: { userId: actor.userId, kind, delivery }, update: { delivery } });
    }
    // The threshold belongs to the company (all its people hear of the same needs).
    if (scoreThreshold !== undefined && actor.role === 'COMPANY_REP' && actor.companyId) {
      await tx.company.update({ where: { id: actor.companyId }, data: { noticeScoreThreshold: scoreThreshold } });
    }
    await recordAudit(tx, actor, {
      action: 'notices.preferences', entityType: 'User', entityId: actor.userId,
      after: { preferences, scoreThreshold: scoreThreshold ?? null }, ip: context.ip,
    });
    return { saved: preferences.length };
  });
}

/** A company's person follows (or stops following) a published need. */
export async function followNeed(db: Db, actor: Actor | null, input: unknown) {
  requireRole(actor, ['COMPANY_REP']);
  const { needId, follow } = parseInput(followNeedSchema, input);
  const need = await db.need.findFirst({ where: { id: needId, ...PUBLIC_NEED_WHERE }, select: { id: true } });
  if (!need) throw new AppError('NOT_FOUND');
  if (follow) await db.needFollow.createMany({ data: [{ userId: actor.userId, needId }], skipDuplicates: true });
  else await db.needFollow.deleteMany({ where: { userId: actor.userId, needId } });
  return { needId, following: follow };
}

export async function isFollowingNeed(db: Db, actor: Actor | null, needId: string): Promise<boolean> {
  if (actor?.role !== 'COMPANY_REP') return false;
  return (await db.needFollow.count({ where: { userId: actor.userId, needId } })) > 0;
}
