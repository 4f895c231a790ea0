import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { Link } from '@/lib/i18n/navigation';
import { SignOutButton } from './sign-out-button';

/** The header's right side: sign-in links for visitors, each role's own pages for members. */
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
      {actor.role === 'COMPANY_REP' ? <Link href="/company/recommended">{t('recommended')}</Link> : null}
      {actor.role === 'COMPANY_REP' ? <Link href="/company/profile">{t('profile')}</Link> : null}
      {actor.role === 'MUNICIPALITY_REP' ? <Link href="/municipality/needs">{t('ourNeeds')}</Link> : null}
      {isStaff ? <Link href="/facilitator/dashboard">{t('dashboard')}</Link> : null}
      {isStaff ? <Link href="/facilitator/matches">{t('queue')}</Link> : null}
      {isStaff ? <Link href="/facilitator/policy">{t('policy')}</Link> : null}
      {isStaff ? <Link href="/facilitator/verifications">{t('verifications')}</Link> : null}
      {actor.role === 'ADMIN' ? <Link href="/admin/users">{t('users')}</Link> : null}
      {actor.role === 'ADMIN' ? <Link href="/admin/outbox">{t('outbox')}</Link> : null}
      <Link href="/account">{t('account')}</Link>
      <SignOutButton />
    </>
  );
}
