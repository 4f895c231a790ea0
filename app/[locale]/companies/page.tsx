import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CompanyTable } from '@/components/companies/company-table';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/lib/db';
import { listPublicCompanies } from '@/lib/companies/public-companies';
import { pageSchema } from '@/lib/pagination';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('companies'))('title') };
}

export default async function CompaniesPage({ searchParams }: PageProps<'/[locale]/companies'>) {
  const page = pageSchema.parse((await searchParams).page);
  const [companies, t, format] = await Promise.all([listPublicCompanies(db, { page }), getTranslations('companies'), getFormatter()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('count', { count: companies.total, formatted: format.number(companies.total) })}</p>
      <CompanyTable companies={companies.items} />
      <Pagination page={companies.page} pageCount={companies.pageCount} href={(p) => `/companies?page=${p}`} />
    </>
  );
}
