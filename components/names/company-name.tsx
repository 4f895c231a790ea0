import { useLocale } from 'next-intl';
import { Link } from '@/lib/i18n/link';

/**
 * A company by its Japanese and English legal names; the reader's script comes first. With its
 * id, the first name links to the company's page (the other name stays outside the link, so the
 * link's name is one name). Do not put it inside another link.
 */
export function CompanyName({ id, legalNameJa, legalNameEn }: { id?: string; legalNameJa: string; legalNameEn: string }) {
  const isJapanese = useLocale() === 'ja';
  const first = isJapanese ? <span lang="ja">{legalNameJa}</span> : <span lang="en">{legalNameEn}</span>;
  return (
    <span className="company-name">
      {id ? <Link href={`/companies/${id}`} data-testid="company-link">{first}</Link> : first}{' '}
      <span className="text-sm text-muted" lang={isJapanese ? 'en' : 'ja'}>{isJapanese ? legalNameEn : legalNameJa}</span>
    </span>
  );
}
