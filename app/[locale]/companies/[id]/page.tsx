import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { CompanyContactList, CompanyFacts } from '@/components/companies/company-facts';
import { CompanyName } from '@/components/names/company-name';
import { Alert } from '@/components/ui/alert';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/current-actor';
import { getCompanyPage, type CompanyPage } from '@/lib/companies/company-page';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { Link } from '@/lib/i18n/navigation';

// Read once per request: the metadata and the page both need it.
const loadCompany = cache(async (actor: Actor | null, id: string): Promise<CompanyPage> => {
  try {
    return await getCompanyPage(db, actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<'/[locale]/companies/[id]'>): Promise<Metadata> {
  const { company } = await loadCompany(await getActor(), (await params).id);
  return { title: (await getLocale()) === 'ja' ? company.legalNameJa : company.legalNameEn };
}

export default async function CompanyPageView({ params }: PageProps<'/[locale]/companies/[id]'>) {
  const { id } = await params;
  const { company, contacts, isOwn } = await loadCompany(await getActor(), id);
  const t = await getTranslations('companyPage');
  return (
    <article>
      <p className="mt-0 mb-2 text-sm"><Link href="/companies">{t('allCompanies')}</Link></p>
      <h1><CompanyName legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} /></h1>
      {company.verificationStatus !== 'VERIFIED' ? <Alert tone="warning" role="status">{t('notVerified')}</Alert> : null}
      {isOwn ? <p><Link href="/company/profile">{t('editProfile')}</Link></p> : null}
      <h2>{t('about')}</h2>
      {company.description.trim()
        ? <p className="whitespace-pre-line" lang={company.descriptionLanguage} data-testid="company-description">{company.description}</p>
        : <p className="text-muted">{t('noDescription')}</p>}
      <h2>{t('profile')}</h2>
      <CompanyFacts company={company} />
      <h2>{t('contacts')}</h2>
      {contacts ? <CompanyContactList contacts={contacts} /> : <p className="text-muted" data-testid="contacts-hidden">{t('contactsHidden')}</p>}
    </article>
  );
}
