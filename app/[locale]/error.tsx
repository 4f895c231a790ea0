'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

// A page that failed while rendering (the database dropped mid-request, or any other fault):
// the same words as the outage page that proxy.ts gives when the database is already down.
// The error itself is logged once per cause on the server (instrumentation.ts).
export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations('unavailable');
  return (
    <section className="max-w-2xl" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <button type="button" onClick={() => retry()}>{t('retry')}</button> · <Link href="/">{t('home')}</Link>
      </p>
    </section>
  );
}
