'use client';

import { useTranslations } from 'next-intl';

/** What a submitted sign-up shows: nothing exists yet, the emailed link creates it. */
export function SignUpSent({ email }: { email: string }) {
  const t = useTranslations('signUpConfirm');
  return <p className="form-success m-0 rounded-md border border-[#a9d8b6] bg-success-wash px-3 py-2.5 text-success" role="status">{t('sent', { email })}</p>;
}
