import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { db } from '@/lib/db';
import { titled } from '@/lib/i18n/page-title';
import { DIGEST_SCOPE, verifyUnsubscribe } from '@/lib/notifications/unsubscribe';

export const generateMetadata = titled('notifications.unsubscribe');

// The page an email's "stop these emails" link opens: it asks before changing anything (link
// scanners open every link), then posts to the one-click endpoint. No session needed.
export default async function UnsubscribePage({ searchParams }: PageProps<'/[locale]/unsubscribe'>) {
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('notifications'), getLocale()]);
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
  if (query.done) return <Done title={t('unsubscribe.title')}><Alert tone="success">{t('unsubscribe.done')}</Alert></Done>;
  const request = await verifyUnsubscribe(db, { u: text('u'), k: text('k'), s: text('s') }).catch(() => null);
  if (!request || query.invalid) return <Done title={t('unsubscribe.title')}><Alert tone="error">{t('unsubscribe.invalid')}</Alert></Done>;
  const target = `/api/unsubscribe?${new URLSearchParams({ u: request.u, k: request.k, s: request.s, locale })}`;
  return (
    <Done title={t('unsubscribe.title')}>
      <p>{request.k === DIGEST_SCOPE ? t('unsubscribe.confirmDigest') : t('unsubscribe.confirm', { kind: t(`kindNames.${request.k}`) })}</p>
      <form method="post" action={target}>
        <Button type="submit">{t('unsubscribe.button')}</Button>
      </form>
    </Done>
  );
}

function Done({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="max-w-xl">
      <h1>{title}</h1>
      {children}
    </section>
  );
}
