import { useLocale } from 'next-intl';

/** A company by its Japanese and English legal names; the reader's script comes first. */
export function CompanyName({ legalNameJa, legalNameEn }: { legalNameJa: string; legalNameEn: string }) {
  const isJapanese = useLocale() === 'ja';
  return (
    <span className="company-name">
      {isJapanese ? <span lang="ja">{legalNameJa}</span> : <span lang="en">{legalNameEn}</span>}{' '}
      <span className="text-sm text-muted" lang={isJapanese ? 'en' : 'ja'}>{isJapanese ? legalNameEn : legalNameJa}</span>
    </span>
  );
}
