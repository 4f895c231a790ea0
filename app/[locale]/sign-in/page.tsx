import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { redirectLocalised } from '@/lib/i18n/redirect-localised';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getActor } from '@/lib/auth/current-actor';
import { safeReturnPath } from '@/lib/auth/page-guard';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('signIn');

export default async function SignInPage({ searchParams }: PageProps<'/[locale]/sign-in'>) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getActor()) await redirectLocalised(callbackUrl);
  const t = await getTranslations('signIn');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'signIn']}><SignInForm callbackUrl={callbackUrl} notice={params.notice === 'passwordChanged' ? t('passwordChanged') : undefined} /></ClientMessages>
    </section>
  );
}
