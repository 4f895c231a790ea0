'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations('nav');
  return (
    <button type="button" className={className} onClick={() => signOut({ callbackUrl: '/' })}>
      {t('signOut')}
    </button>
  );
}
