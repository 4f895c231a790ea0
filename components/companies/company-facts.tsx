import { useLocale, useTranslations } from 'next-intl';
import type { CompanyPage } from '@/lib/companies/company-page';
import { DateOf } from '../time/when';
import { badgeClass } from '@/components/ui/status-badge';

const dlClass = 'grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg border border-line bg-paper px-4 py-4 sm:grid-cols-[max-content_minmax(0,1fr)] sm:px-5 [&_dd]:m-0 [&_dd]:mb-2 sm:[&_dd]:mb-0';

/** What a company offers, as anyone may read it: the public part of its profile. */
export function CompanyFacts({ company }: { company: CompanyPage['company'] }) {
  const t = useTranslations();
  const locale = useLocale();
  const countries = new Intl.DisplayNames([locale], { type: 'region' });
  const list = (values: readonly string[], namespace: string) => values.length ? values.map((value) => t(`${namespace}.${value}`)).join(', ') : t('common.none');
  return (
    <dl className={dlClass} data-testid="company-facts">
      <dt>{t('companies.location')}</dt>
      <dd>{locale === 'ja'
        ? <span lang="ja">{company.prefecture.nameJa}{company.cityJa}</span>
        : <>{company.cityEn}, {company.prefecture.nameEn}</>}</dd>
      <dt>{t('companies.size')}</dt>
      <dd>{t(company.isSme ? 'companies.sme' : 'companies.large')} · {t('companies.staff', { count: company.employees })}</dd>
      <dt>{t('companies.sectors')}</dt><dd>{list(company.sectors, 'sector')}</dd>
      <dt>{t('companyPage.capabilities')}</dt><dd>{list(company.capabilities, 'capability')}</dd>
      <dt>{t('companyPage.stages')}</dt><dd>{list(company.stages, 'stage')}</dd>
      <dt>{t('companyPage.deliveryModes')}</dt><dd>{list(company.deliveryModes, 'deliveryMode')}</dd>
      <dt>{t('companies.riskAppetite')}</dt><dd>{t(`riskAppetite.${company.riskAppetite}`)}</dd>
      <dt>{t('companyPage.experienceCountries')}</dt>
      <dd>{company.experienceCountries.length ? company.experienceCountries.map((code) => countries.of(code) ?? code).join(', ') : t('common.none')}</dd>
      <dt>{t('companyPage.disasterExperience')}</dt>
      <dd>{company.hasDisasterReconstructionExperience ? t('companyPage.hasDisasterExperience') : t('common.none')}</dd>
      <dt>{t('companyPage.languages')}</dt><dd>{list(company.languages, 'locales')}</dd>
      <dt>{t('companyPage.verification')}</dt>
      <dd>
        <span className={badgeClass('verification', company.verificationStatus)}>{t(`verification.${company.verificationStatus}`)}</span>
        {company.verifiedAt && company.verificationStatus === 'VERIFIED' ? <> <DateOf value={company.verifiedAt} /></> : null}
      </dd>
    </dl>
  );
}

/** How to reach the company: only rendered for those lib/companies/company-contacts.ts allows. */
export function CompanyContactList({ contacts }: { contacts: NonNullable<CompanyPage['contacts']> }) {
  const t = useTranslations('companyPage');
  return (
    <dl className={dlClass} data-testid="company-contacts">
      <dt>{t('contactName')}</dt><dd>{contacts.contactName}</dd>
      <dt>{t('email')}</dt><dd className="break-words"><a href={`mailto:${contacts.contactEmail}`}>{contacts.contactEmail}</a></dd>
      {contacts.contactPhone ? <><dt>{t('phone')}</dt><dd><a href={`tel:${contacts.contactPhone.replace(/[^\d+]/g, '')}`}>{contacts.contactPhone}</a></dd></> : null}
      {contacts.website ? <><dt>{t('website')}</dt><dd className="break-words"><a href={contacts.website} rel="noopener noreferrer">{contacts.website}</a></dd></> : null}
    </dl>
  );
}
