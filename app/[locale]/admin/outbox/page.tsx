import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { outboxShowsLiveLinks } from '@/lib/email/one-time-links';
import { readOutbox } from '@/lib/email/read-outbox';
import { isAppError } from '@/lib/errors';
import { DateTime } from '@/components/time/when';

export const generateMetadata = titled('outbox');

export default async function OutboxPage({ searchParams }: PageProps<'/[locale]/admin/outbox'>) {
  const actor = await actorForPage('/admin/outbox', ['ADMIN']);
  const params = await searchParams;
  // An address that is no address (too long, control characters) finds nothing, as any other would.
  const emails = await readOutbox(db, actor, { to: typeof params.to === 'string' ? params.to : undefined }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'VALIDATION') return [];
    throw error;
  });
  const t = await getTranslations('outbox');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5">{outboxShowsLiveLinks() ? t('liveLinks') : t('redacted')}</p>
      {emails.length === 0 ? <p className="text-muted">{t('none')}</p> : null}
      {emails.map((email) => (
        <article key={email.id} className="email mb-4 rounded-lg border border-line bg-paper px-4 py-3 sm:px-5 [&_h2]:my-1 [&_h2]:text-base [&_pre]:font-sans [&_pre]:whitespace-pre-wrap" aria-label={email.subject}>
          <h2>{email.subject}</h2>
          <p className="text-sm text-muted">
            {t('to')}: {email.toAddress} · {t('kind')}: {t.has(`kinds.${email.kind}`) ? t(`kinds.${email.kind}` as 'kinds.introduction') : email.kind} · <DateTime value={email.createdAt} />
            {email.sentAt ? ` · ${t('sent')}` : ''}
          </p>
          <pre lang={email.locale}>{email.text}</pre>
        </article>
      ))}
    </section>
  );
}
