import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { redirectLocalised } from '@/lib/i18n/redirect-localised';
import { SignUpCompanyForm } from '@/components/auth/sign-up-company-form';
import { getActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { listPrefectures } from '@/lib/reference/prefectures';
import { signUpCompanyAction } from '../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('signUpCompany');

export default async function SignUpCompanyPage() {
  if (await getActor()) await redirectLocalised('/start');
  const t = await getTranslations('signUpCompany');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'signUpCompany', 'signUp', 'riskAppetite', 'industry', 'signUpConfirm', 'municipalityPicker']}><SignUpCompanyForm prefectures={await listPrefectures(db)} action={signUpCompanyAction} /></ClientMessages>
    </section>
  );
}
