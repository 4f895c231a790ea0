import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { SignUpConfirmForm } from '@/components/auth/sign-up-confirm-form';
import { getActor } from '@/lib/auth/current-actor';
import { redirectLocalised } from '@/lib/i18n/redirect-localised';
import { confirmSignUpAction } from '../../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

// No-referrer: the token in this address must not leave in a Referer header.
export const generateMetadata = titled('signUpConfirm', { referrer: 'no-referrer' });

export default async function SignUpConfirmPage({ params }: PageProps<'/[locale]/sign-up/confirm/[token]'>) {
  if (await getActor()) await redirectLocalised('/start');
  const { token } = await params;
  const t = await getTranslations('signUpConfirm');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'signUpConfirm']}><SignUpConfirmForm token={token} action={confirmSignUpAction} /></ClientMessages>
    </section>
  );
}
