'use client';

import { useTranslations } from 'next-intl';

/** What a submitted sign-up shows: nothing exists yet, the emailed link creates it. */
export function SignUpSent({ email }: { email: string }) {
  const t = useTranslations('signUpConfirm');
  return <p className="form-success" role="status">{t('sent', { email })}</p>;
}
