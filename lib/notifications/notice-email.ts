import type { Db } from '../db';
import { queueEmail } from '../email/outbox';
import { env } from '../env';
import type { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';
import { layoutEmail, type EmailItem } from './email-layout';
import { prefectureNames, renderNotice, translatorFor } from './render';
import { unsubscribeQuery } from './unsubscribe';
import { readNoticeTexts } from './written-params';

// The email of one notice (delivery IMMEDIATE), queued in the transaction that recorded it and
// marked as emailed there: a retried job finds the notice already written and sends nothing.

type Tx = Prisma.TransactionClient;
type Recipient = { id: string; name: string; email: string; locale: Locale };

export const appUrl = (locale: Locale, path: string) => `${env.NEXTAUTH_URL}/${locale}${path}`;

/** The List-Unsubscribe pair RFC 8058 asks for, and the page a person opens from the footer. */
export async function unsubscribeLinks(client: Db | Tx, recipient: Recipient, scope: string) {
  const query = await unsubscribeQuery(client, recipient.id, scope);
  return {
    pageUrl: appUrl(recipient.locale, `/unsubscribe?${query}`),
    headers: {
      'List-Unsubscribe': `<${env.NEXTAUTH_URL}/api/unsubscribe?${query}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

export async function queueNoticeEmail(tx: Tx, noticeId: string): Promise<void> {
  const notice = await tx.notice.findUniqueOrThrow({
    where: { id: noticeId },
    select: { id: true, kind: true, params: true, link: true, createdAt: true, user: { select: { id: true, name: true, email: true, locale: true } } },
  });
  const recipient = notice.user;
  const { t } = translatorFor(recipient.locale);
  const [texts] = await readNoticeTexts(tx, recipient.locale, [notice]);
  const rendered = renderNotice(recipient.locale, notice, await prefectureNames(tx), texts);
  const item: EmailItem = { ...rendered, url: appUrl(recipient.locale, notice.link) };
  const unsubscribe = await unsubscribeLinks(tx, recipient, notice.kind);
  const { text, html } = layoutEmail(recipient.locale, {
    greeting: t('notifications.email.greeting', { name: recipient.name }),
    intro: t('notifications.email.intro'),
    items: [item],
    preferencesUrl: appUrl(recipient.locale, '/notifications/preferences'),
    unsubscribeUrl: unsubscribe.pageUrl,
    unsubscribeLabel: t('notifications.email.unsubscribeKind', { kind: t(`notifications.kindNames.${notice.kind}`) }),
  });
  await queueEmail(tx, {
    kind: `notice:${notice.kind}`,
    to: recipient.email,
    locale: recipient.locale,
    subject: t('notifications.email.subject', { title: rendered.title }),
    text,
    html,
    headers: unsubscribe.headers,
  });
  await tx.notice.update({ where: { id: notice.id }, data: { emailedAt: new Date() } });
}
