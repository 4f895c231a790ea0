import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useTranslations('common');
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination')}>
      {page > 1 ? <Link href={href(page - 1)} rel="prev">← {t('previous')}</Link> : <span />}
      <span>{t('pageOf', { page, pageCount })}</span>
      {page < pageCount ? <Link href={href(page + 1)} rel="next">{t('next')} →</Link> : <span />}
    </nav>
  );
}
