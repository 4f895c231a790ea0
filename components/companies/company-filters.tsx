import { useLocale, useTranslations } from 'next-intl';
import { COMPANY_EXPERIENCE, COMPANY_SEARCH_MAX, COMPANY_SIZES, type CompanySearch } from '@/lib/companies/public-companies';
import { RiskAppetite, SectorCode } from '@/lib/generated/prisma/enums';
import { Link } from '@/lib/i18n/link';
import { FilterSelect } from '../forms/filter-select';
import { buttonVariants } from '@/components/ui/button';

type Prefecture = { code: string; nameJa: string; nameEn: string };

/** A plain GET form: the search and filters live in the URL, so a result can be shared. */
export function CompanyFilters({ prefectures, values, action }: { prefectures: Prefecture[]; values: CompanySearch; action: string }) {
  const t = useTranslations();
  const isJapanese = useLocale() === 'ja';
  return (
    <form method="get" action={action} className="mt-2 mb-4 grid grid-cols-1 items-end gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] [&_select]:w-full [&_input]:w-full [&_button]:justify-self-start" role="search" aria-label={t('companies.filters')}>
      <div className="grid gap-1 sm:col-span-2 [&_label]:text-sm [&_label]:font-semibold">
        <label htmlFor="filter-q">{t('companies.search')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={values.q ?? ''} maxLength={COMPANY_SEARCH_MAX} aria-describedby="filter-q-hint" />
        <p id="filter-q-hint" className="m-0 text-sm text-muted">{t('companies.searchHint')}</p>
      </div>
      <FilterSelect name="sector" label={t('companies.sectors')} defaultValue={values.sector ?? ''}>
        <option value="">{t('common.all')}</option>
        {Object.values(SectorCode).map((code) => <option key={code} value={code}>{t(`sector.${code}`)}</option>)}
      </FilterSelect>
      <FilterSelect name="prefecture" label={t('companies.prefecture')} defaultValue={values.prefecture ?? ''}>
        <option value="">{t('common.all')}</option>
        {prefectures.map((prefecture) => <option key={prefecture.code} value={prefecture.code}>{isJapanese ? prefecture.nameJa : prefecture.nameEn}</option>)}
      </FilterSelect>
      <FilterSelect name="size" label={t('companies.size')} defaultValue={values.size ?? ''}>
        <option value="">{t('common.all')}</option>
        {COMPANY_SIZES.map((size) => <option key={size} value={size}>{t(size === 'SME' ? 'companies.sme' : 'companies.large')}</option>)}
      </FilterSelect>
      <FilterSelect name="risk" label={t('companies.riskAppetite')} defaultValue={values.risk ?? ''}>
        <option value="">{t('common.all')}</option>
        {Object.values(RiskAppetite).map((code) => <option key={code} value={code}>{t(`riskAppetite.${code}`)}</option>)}
      </FilterSelect>
      <FilterSelect name="experience" label={t('companies.experienceFilter')} defaultValue={values.experience ?? ''}>
        <option value="">{t('common.any')}</option>
        {COMPANY_EXPERIENCE.map((kind) => <option key={kind} value={kind}>{t(`companies.experienceKind.${kind}`)}</option>)}
      </FilterSelect>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonVariants({ variant: 'secondary' })}>{t('companies.applyFilters')}</button>
        <Link href="/companies">{t('companies.clearFilters')}</Link>
      </div>
    </form>
  );
}
