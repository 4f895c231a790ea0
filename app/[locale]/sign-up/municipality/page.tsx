import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { redirectLocalised } from '@/lib/i18n/redirect-localised';
import { SignUpMunicipalityForm } from '@/components/auth/sign-up-municipality-form';
import { getActor } from '@/lib/auth/current-actor';
import { signUpMunicipalityAction } from '../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('signUpMunicipality');

export default async function SignUpMunicipalityPage() {
  if (await getActor()) await redirectLocalised('/start');
  const t = await getTranslations('signUpMunicipality');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'signUp', 'signUpConfirm', 'signUpMunicipality']}><SignUpMunicipalityForm action={signUpMunicipalityAction} /></ClientMessages>
    </section>
  );
}
