import type { Metadata } from 'next';
import { CompanyTable } from '@/components/companies/company-table';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/lib/db';
import { listPublicCompanies } from '@/lib/companies/public-companies';
import { pageSchema } from '@/lib/pagination';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Companies' };

export default async function CompaniesPage({ searchParams }: PageProps<'/[locale]/companies'>) {
  const page = pageSchema.parse((await searchParams).page);
  const companies = await listPublicCompanies(db, { page });
  return (
    <>
      <h1>Companies</h1>
      <p>{companies.total.toLocaleString('en')} verified Japanese companies ready to help.</p>
      <CompanyTable companies={companies.items} />
      <Pagination page={companies.page} pageCount={companies.pageCount} href={(p) => `/companies?page=${p}`} />
    </>
  );
}
