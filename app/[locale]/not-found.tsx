import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/link';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p><Link href="/">{t('home')}</Link> · <Link href="/needs">{t('needs')}</Link></p>
    </section>
  );
}
