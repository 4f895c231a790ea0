import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Actor } from '@/lib/auth/actor';
import { SignOutButton } from './sign-out-button';

/** The header's right side: sign-in links for visitors, the role's own pages for members. */
export async function UserNav({ actor }: { actor: Actor | null }) {
  const t = await getTranslations('nav');
  if (!actor) {
    return (
      <>
        <Link href="/sign-in">{t('signIn')}</Link>
        <Link href="/sign-up">{t('signUp')}</Link>
      </>
    );
  }
  const isStaff = actor.role === 'FACILITATOR' || actor.role === 'ADMIN';
  return (
    <>
      {isStaff ? <Link href="/facilitator/verifications">{t('verifications')}</Link> : null}
      {actor.role === 'ADMIN' ? <Link href="/admin/users">{t('users')}</Link> : null}
      {actor.role === 'ADMIN' ? <Link href="/admin/outbox">{t('outbox')}</Link> : null}
      <Link href="/account">{t('account')}</Link>
      <SignOutButton />
    </>
  );
}
