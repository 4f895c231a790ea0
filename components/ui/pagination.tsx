import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/link';
import { buttonVariants } from './button';

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useTranslations('common');
  if (pageCount <= 1) return null;
  return (
    <nav className="mt-4 flex flex-wrap items-center justify-between gap-2" aria-label={t('pagination')}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
          ← {t('previous')}
        </Link>
      ) : <span />}
      <span className="whitespace-nowrap text-sm text-muted">{t('pageOf', { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
          {t('next')} →
        </Link>
      ) : <span />}
    </nav>
  );
}
