import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { EmailLanguageForm } from '@/components/account/email-language-form';
import { VerificationState } from '@/components/account/verification-state';
import { getOwnVerification } from '@/lib/verification/resubmit';
import { getAccountOverview } from '@/lib/accounts/account-overview';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/link';
import { changePasswordAction, resubmitForVerificationAction, setEmailLanguageAction } from './actions';
import { badgeClass } from '@/components/ui/status-badge';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('account');

export default async function AccountPage() {
  const actor = await actorForPage('/account');
  const [account, ownVerification] = await Promise.all([getAccountOverview(db, actor), getOwnVerification(db, actor)]);
  const [t, roles, verification] = await Promise.all([getTranslations('account'), getTranslations('roles'), getTranslations('verification')]);
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg border border-line bg-paper px-4 py-4 sm:grid-cols-[max-content_minmax(0,1fr)] sm:px-5 [&_dd]:m-0 [&_dd]:mb-2 sm:[&_dd]:mb-0">
        <dt>{account.name}</dt>
        <dd>{account.email}</dd>
        <dt>{t('role')}</dt>
        <dd>{roles(account.role)}</dd>
        {account.organisation ? (
          <>
            <dt>{t('organisation')}</dt>
            <dd>{account.organisation.name}</dd>
            <dt>{t('status')}</dt>
            <dd>
              <span className={badgeClass('verification', account.organisation.verificationStatus)}>{verification(account.organisation.verificationStatus)}</span>
            </dd>
          </>
        ) : null}
      </dl>
      {ownVerification ? <VerificationState verification={ownVerification} resubmitAction={resubmitForVerificationAction} /> : null}
      <NextSteps role={account.role} />
      <h2>{t('emailLanguage')}</h2>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'account', 'signUp']}><EmailLanguageForm locale={account.locale} action={setEmailLanguageAction} /></ClientMessages>
      <h2>{t('changePassword')}</h2>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'account', 'signUp']}><ChangePasswordForm action={changePasswordAction} /></ClientMessages>
    </section>
  );
}

/** Where each role goes from here, so a first visit does not end on this page. */
async function NextSteps({ role }: { role: string }) {
  const t = await getTranslations('nextSteps');
  const steps: Record<string, { href: string; label: string }[]> = {
    COMPANY_REP: [{ href: '/company/profile', label: t('profile') }, { href: '/needs', label: t('browse') }, { href: '/company/recommended', label: t('recommended') }],
    MUNICIPALITY_REP: [{ href: '/municipality/needs/new', label: t('postNeed') }, { href: '/municipality/needs', label: t('ourNeeds') }],
    FACILITATOR: [{ href: '/facilitator/matches', label: t('queue') }, { href: '/facilitator/verifications', label: t('verifications') }, { href: '/facilitator/dashboard', label: t('dashboard') }],
    ADMIN: [{ href: '/admin/users', label: t('users') }, { href: '/facilitator/matches', label: t('queue') }],
  };
  return (
    <>
      <h2>{t('title')}</h2>
      <ol className="next-steps">
        {(steps[role] ?? []).map((step) => <li key={step.href}><Link href={step.href}>{step.label}</Link></li>)}
      </ol>
    </>
  );
}
