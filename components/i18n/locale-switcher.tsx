'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { LOCALES } from '@/lib/i18n/routing';

// Each language is named in itself, so a reader finds theirs whatever the page is in.
const AUTONYMS = { ja: '日本語', uk: 'Українська', en: 'English' } as const;

/** Links to this same page in the other languages, query string kept. */
export function LocaleSwitcher({ variant = 'bar' }: { variant?: 'bar' | 'sheet' }) {
  const t = useTranslations('locales');
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
  return (
    <nav aria-label={t('switcher')}>
      <ul className={cn('m-0 flex list-none flex-wrap gap-x-3 gap-y-1 p-0', variant === 'sheet' && 'gap-4 border-t border-line pt-4')}>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className={cn(
                'whitespace-nowrap no-underline hover:underline aria-[current=true]:font-bold aria-[current=true]:underline',
                variant === 'bar' ? 'text-white/90 hover:text-white' : 'text-accent',
              )}
            >
              {AUTONYMS[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
