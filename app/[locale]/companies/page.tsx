import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CompanyFilters } from '@/components/companies/company-filters';
import { CompanyTable } from '@/components/companies/company-table';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/lib/db';
import { companySearchSchema, listPublicCompanies } from '@/lib/companies/public-companies';
import { getPathname } from '@/lib/i18n/navigation';
import { listPrefectures } from '@/lib/reference/prefectures';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('companies'))('title') };
}

export default async function CompaniesPage({ searchParams }: PageProps<'/[locale]/companies'>) {
  const search = companySearchSchema.parse(await searchParams);
  const [companies, prefectures, t, locale] = await Promise.all([
    listPublicCompanies(db, search), listPrefectures(db), getTranslations('companies'), getLocale(),
  ]);
  const query = Object.fromEntries(
    Object.entries({ ...search, page: undefined }).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]),
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <CompanyFilters prefectures={prefectures} values={search} action={getPathname({ href: '/companies', locale })} />
      <p role="status">{t('matching', { count: companies.total })}</p>
      <CompanyTable companies={companies.items} />
      <Pagination page={companies.page} pageCount={companies.pageCount} href={(page) => `/companies?${new URLSearchParams({ ...query, page: String(page) })}`} />
    </>
  );
}
