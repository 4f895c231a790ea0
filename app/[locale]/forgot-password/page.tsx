import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { requestPasswordResetAction } from './actions';

export const metadata: Metadata = { title: 'Reset your password' };

export default async function ForgotPasswordPage() {
  const t = await getTranslations('forgotPassword');
  return (
    <section className="page-narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ForgotPasswordForm action={requestPasswordResetAction} />
    </section>
  );
}
