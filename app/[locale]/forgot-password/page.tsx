import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { requestPasswordResetAction } from './actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('forgotPassword');

export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'forgotPassword']}><ForgotPasswordForm action={requestPasswordResetAction} /></ClientMessages>
    </section>
  );
}
