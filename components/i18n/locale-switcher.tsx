'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { LOCALES } from '@/lib/i18n/routing';

// Each language is named in itself, so a reader finds theirs whatever the page is in.
const AUTONYMS = { ja: '日本語', uk: 'Українська', en: 'English' } as const;

/** Links to this same page in the other languages, query string kept. */
export function LocaleSwitcher() {
  const t = useTranslations('locales');
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
  return (
    <nav aria-label={t('switcher')} className="locale-switcher">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'true' : undefined}
            >
              {AUTONYMS[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
