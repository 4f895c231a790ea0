import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { NoticeDelivery } from '../generated/prisma/enums';
import type { Reason } from '../matching/types';
import { NOTICE_KINDS, type NoticeKind } from './kinds';
import { queueNoticeEmail } from './notice-email';
import type { WrittenRefs } from './written-params';

// The one way anything tells a person something. A notice names its event (`dedupeKey`, unique
// per recipient): publishing the same event again — a retried job, a re-rank that runs twice —
// writes nothing and sends nothing. Each recipient's preference for the kind decides: OFF drops
// it, IMMEDIATE records it and queues its email in the same transaction, DAILY/WEEKLY/IN_APP
// record it for the app (and the digest job, lib/notifications/digest.ts).

type Tx = Prisma.TransactionClient;

/** A name as each script writes it (a hromada in Ukrainian and Latin, a company in Japanese and Latin); the reader gets theirs, else `en`. */
export type LocalisedName = { en: string; ja?: string; uk?: string };
/** Catalogue values; `written` names the params that quote a person's text (written-params.ts); `reasons` holds the match's reasons (code + params), rendered in the reader's language. */
export type NoticeParams = Record<string, string | number | LocalisedName | readonly Reason[] | WrittenRefs>;

export type NoticeInput = {
  userId: string;
  kind: NoticeKind;
  /** Names the event, e.g. `needFits:<needId>`; the recipient is added by the unique key. */
  dedupeKey: string;
  /** Values for the catalogue message notifications.kinds.<kind>. */
  params: NoticeParams;
  /** App path without the locale, e.g. `/needs/<id>`. */
  link: string;
  needId?: string | null;
  companyId?: string | null;
  introductionId?: string | null;
  /** The caller sends its own transactional email (an introduction's contacts): record only. */
  alreadyEmailed?: boolean;
};

export type PublishOutcome = { recorded: number; emailed: number };

/** The pool client (which can open a transaction), not a caller's transaction. */
const isPoolClient = (client: Db | Tx): client is Db => '$transaction' in client;

export async function publishNotices(client: Db | Tx, notices: readonly NoticeInput[]): Promise<PublishOutcome> {
  if (!notices.length) return { recorded: 0, emailed: 0 };
  if (isPoolClient(client)) return client.$transaction((tx) => publishInTransaction(tx, notices));
  return publishInTransaction(client, notices);
}

async function publishInTransaction(tx: Tx, notices: readonly NoticeInput[]): Promise<PublishOutcome> {
  const deliveries = await deliveriesFor(tx, notices);
  const rows = notices
    .map((notice) => ({ notice, delivery: deliveries.get(`${notice.userId}:${notice.kind}`) ?? NOTICE_KINDS[notice.kind].defaultDelivery }))
    .filter((row): row is { notice: NoticeInput; delivery: Exclude<NoticeDelivery, 'OFF'> } => row.delivery !== 'OFF');
  if (!rows.length) return { recorded: 0, emailed: 0 };
  // ON CONFLICT DO NOTHING: a duplicate neither fails the caller's transaction nor comes back.
  const created = await tx.notice.createManyAndReturn({
    data: rows.map(({ notice, delivery }) => ({
      userId: notice.userId,
      kind: notice.kind,
      dedupeKey: notice.dedupeKey,
      params: notice.params as Prisma.InputJsonValue,
      link: notice.link,
      needId: notice.needId ?? null,
      companyId: notice.companyId ?? null,
      introductionId: notice.introductionId ?? null,
      delivery,
      emailedAt: notice.alreadyEmailed ? new Date() : null,
    })),
    skipDuplicates: true,
    select: { id: true, delivery: true, emailedAt: true },
  });
  const immediate = created.filter((row) => row.delivery === 'IMMEDIATE' && !row.emailedAt).map((row) => row.id);
  for (const id of immediate) await queueNoticeEmail(tx, id);
  return { recorded: created.length, emailed: immediate.length };
}

async function deliveriesFor(tx: Tx, notices: readonly NoticeInput[]): Promise<Map<string, NoticeDelivery>> {
  const userIds = [...new Set(notices.map((notice) => notice.userId))];
  const kinds = [...new Set(notices.map((notice) => notice.kind))];
  const [preferences, users] = await Promise.all([
    tx.noticePreference.findMany({ where: { userId: { in: userIds }, kind: { in: kinds } }, select: { userId: true, kind: true, delivery: true } }),
    tx.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true } }),
  ]);
  const map = new Map<string, NoticeDelivery>(preferences.map((row) => [`${row.userId}:${row.kind}`, row.delivery]));
  // A disabled account hears nothing.
  const active = new Set(users.map((user) => user.id));
  for (const notice of notices) if (!active.has(notice.userId)) map.set(`${notice.userId}:${notice.kind}`, 'OFF');
  return map;
}
