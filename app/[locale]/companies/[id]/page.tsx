import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { CompanyContactList, CompanyFacts } from '@/components/companies/company-facts';
import { TranslationEditor } from '@/components/content/translation-editor';
import { WrittenText } from '@/components/content/written-text';
import { CompanyName } from '@/components/names/company-name';
import { Alert } from '@/components/ui/alert';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/current-actor';
import { getCompanyPage, type CompanyPage } from '@/lib/companies/company-page';
import { readTranslationEditor } from '@/lib/content/translation-editor';
import { companyDescription } from '@/lib/content/written';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { Link } from '@/lib/i18n/link';
import type { AppLocale } from '@/lib/i18n/routing';
import { saveTranslationAction } from '../../translations/actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

// Read once per request: the metadata and the page both need it.
const loadCompany = cache(async (actor: Actor | null, id: string, locale: AppLocale): Promise<CompanyPage> => {
  try {
    return await getCompanyPage(db, actor, id, locale);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<'/[locale]/companies/[id]'>): Promise<Metadata> {
  const locale = (await getLocale()) as AppLocale;
  const { company } = await loadCompany(await getActor(), (await params).id, locale);
  return { title: locale === 'ja' ? company.legalNameJa : company.legalNameEn };
}

export default async function CompanyPageView({ params }: PageProps<'/[locale]/companies/[id]'>) {
  const { id } = await params;
  const [actor, locale] = await Promise.all([getActor(), getLocale() as Promise<AppLocale>]);
  const { company, description, contacts, isOwn } = await loadCompany(actor, id, locale);
  const [t, translations] = await Promise.all([
    getTranslations('companyPage'), readTranslationEditor(db, actor, 'COMPANY', company.id, [companyDescription(company)]),
  ]);
  return (
    <article>
      <p className="mt-0 mb-2 text-sm"><Link href="/companies">{t('allCompanies')}</Link></p>
      <h1><CompanyName legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} /></h1>
      {company.verificationStatus !== 'VERIFIED' ? <Alert tone="warning" role="status">{t('notVerified')}</Alert> : null}
      {isOwn ? <p><Link href="/company/profile">{t('editProfile')}</Link></p> : null}
      <h2>{t('about')}</h2>
      {company.description.trim()
        ? <div data-testid="company-description"><WrittenText value={description} className="max-w-3xl" /></div>
        : <p className="text-muted">{t('noDescription')}</p>}
      {translations ? <ClientMessages namespaces={[...FORM_NAMESPACES]}><TranslationEditor texts={translations} action={saveTranslationAction} /></ClientMessages> : null}
      <h2>{t('profile')}</h2>
      <CompanyFacts company={company} />
      <h2>{t('contacts')}</h2>
      {contacts ? <CompanyContactList contacts={contacts} /> : <p className="text-muted" data-testid="contacts-hidden">{t('contactsHidden')}</p>}
    </article>
  );
}
