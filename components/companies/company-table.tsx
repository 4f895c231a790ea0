import { useLocale, useTranslations } from 'next-intl';
import type { PublicCompany } from '@/lib/companies/public-companies';
import { CompanyName } from '../names/company-name';
import { tableClass } from '@/components/ui/table';

export function CompanyTable({ companies }: { companies: PublicCompany[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const countryName = new Intl.DisplayNames([locale], { type: 'region' });
  // The page's count says when nothing matches.
  if (companies.length === 0) return null;
  return (
    <table className={tableClass} aria-label={t('companies.title')}>
      <thead>
        <tr>
          <th scope="col">{t('companies.company')}</th>
          <th scope="col">{t('companies.location')}</th>
          <th scope="col">{t('companies.size')}</th>
          <th scope="col">{t('companies.sectors')}</th>
          <th scope="col">{t('companies.riskAppetite')}</th>
          <th scope="col">{t('companies.experience')}</th>
        </tr>
      </thead>
      <tbody>
        {companies.map((company) => (
          <tr key={company.id}>
            <td data-label={t('companies.company')}><CompanyName id={company.id} legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} /></td>
            <td data-label={t('companies.location')}>
              {locale === 'ja'
                ? <span lang="ja">{company.prefecture.nameJa}{company.cityJa}</span>
                : <>{company.cityEn}, {company.prefecture.nameEn}</>}
            </td>
            <td data-label={t('companies.size')}>{t(company.isSme ? 'companies.sme' : 'companies.large')} · {t('companies.staff', { count: company.employees })}</td>
            <td data-label={t('companies.sectors')}>{company.sectors.map((sector) => t(`sector.${sector}`)).join(', ')}</td>
            <td data-label={t('companies.riskAppetite')}>{t(`riskAppetite.${company.riskAppetite}`)}</td>
            <td data-label={t('companies.experience')}>{company.experienceCountries.length
                ? company.experienceCountries.map((code) => countryName.of(code) ?? code).join(', ')
                : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
