import type { Db } from '../db';
import { queueEmail } from '../email/outbox';
import type { NoticeDelivery } from '../generated/prisma/enums';
import { layoutEmail } from './email-layout';
import { appUrl, unsubscribeLinks } from './notice-email';
import { prefectureNames, renderNotice, translatorFor } from './render';
import { DIGEST_SCOPE } from './unsubscribe';
import { readNoticeTexts } from './written-params';

// Daily and weekly digests: one email per person with every notice of that cadence not yet
// emailed and recorded before `now` (the job's clock, passed in by tests). Each person is one
// transaction that locks their pending notices, queues the email and marks them emailed, so a
// retried or concurrent run finds nothing left to send.

export type DigestCadence = Extract<NoticeDelivery, 'DAILY' | 'WEEKLY'>;
/** A digest shows this many notices; the rest wait in the app (and are marked as emailed). */
const ITEMS_SHOWN = 50;

export async function sendDigests(db: Db, cadence: DigestCadence, now: Date = new Date()): Promise<number> {
  const pending = await db.notice.findMany({
    where: { delivery: cadence, emailedAt: null, createdAt: { lte: now } },
    distinct: ['userId'],
    select: { userId: true },
  });
  let sent = 0;
  for (const { userId } of pending) if (await sendDigestTo(db, userId, cadence, now)) sent += 1;
  return sent;
}

async function sendDigestTo(db: Db, userId: string, cadence: DigestCadence, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ids = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Notice" WHERE "userId" = ${userId}::uuid AND delivery = ${cadence}::"NoticeDelivery"
        AND "emailedAt" IS NULL AND "createdAt" <= ${now} FOR UPDATE SKIP LOCKED`;
    if (!ids.length) return false;
    await tx.notice.updateMany({ where: { id: { in: ids.map((row) => row.id) } }, data: { emailedAt: now } });
    const recipient = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, locale: true, disabledAt: true } });
    if (recipient.disabledAt) return false;
    const notices = await tx.notice.findMany({
      where: { id: { in: ids.map((row) => row.id) } },
      orderBy: { createdAt: 'desc' },
      take: ITEMS_SHOWN,
      select: { kind: true, params: true, link: true, createdAt: true },
    });
    const { t } = translatorFor(recipient.locale);
    const prefectures = await prefectureNames(tx);
    const unsubscribe = await unsubscribeLinks(tx, recipient, DIGEST_SCOPE);
    const texts = await readNoticeTexts(tx, recipient.locale, notices);
    const { text, html } = layoutEmail(recipient.locale, {
      greeting: t('notifications.email.greeting', { name: recipient.name }),
      intro: t(`notifications.email.digestIntro${cadence}`),
      items: notices.map((notice, index) => ({ ...renderNotice(recipient.locale, notice, prefectures, texts[index]), url: appUrl(recipient.locale, notice.link), when: notice.createdAt })),
      preferencesUrl: appUrl(recipient.locale, '/notifications/preferences'),
      unsubscribeUrl: unsubscribe.pageUrl,
      unsubscribeLabel: t('notifications.email.unsubscribeDigest'),
    });
    await queueEmail(tx, {
      kind: `digest:${cadence.toLowerCase()}`,
      to: recipient.email,
      locale: recipient.locale,
      subject: t(`notifications.email.digestSubject${cadence}`, { count: ids.length }),
      text,
      html,
      headers: unsubscribe.headers,
    });
    return true;
  });
}
