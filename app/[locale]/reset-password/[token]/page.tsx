import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { resetPasswordAction } from '../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('resetPassword', { referrer: 'no-referrer' });

export default async function ResetPasswordPage({ params }: PageProps<'/[locale]/reset-password/[token]'>) {
  const { token } = await params;
  const t = await getTranslations('resetPassword');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'resetPassword', 'signUp']}><ResetPasswordForm token={token} action={resetPasswordAction} /></ClientMessages>
    </section>
  );
}
