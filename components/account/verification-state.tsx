import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import type { ActionResult } from '@/lib/actions/run';
import type { getOwnVerification } from '@/lib/verification/resubmit';
import { Link } from '@/lib/i18n/link';
import { ResubmitForm } from './resubmit-form';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

type Verification = NonNullable<Awaited<ReturnType<typeof getOwnVerification>>>;

/**
 * Where an organisation stands with the facilitators, in one voice: waiting (and since when it
 * resubmitted), or not verified — with the facilitator's reason and the way to fix and
 * resubmit. Never "could not verify" beside "a facilitator will check".
 */
export async function VerificationState({ verification, resubmitAction }: {
  verification: Verification;
  resubmitAction: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const [t, locale, categories] = await Promise.all([getTranslations('verificationState'), getLocale() as Promise<AppLocale>, getTranslations('rejectionCategory')]);
  if (verification.verificationStatus === 'VERIFIED') return null;
  if (verification.verificationStatus === 'UNVERIFIED') {
    return (
      <div role="status" className="grid gap-1 rounded-md border border-line bg-wash p-4" data-testid="verification-state">
        <p className="m-0">{t('waiting')}</p>
        {verification.resubmittedAt ? <p className="m-0 text-sm text-muted">{t('resubmittedOn', { date: formatDate(verification.resubmittedAt, locale) })}</p> : null}
      </div>
    );
  }
  return (
    <section aria-labelledby="not-verified" className="grid gap-3 rounded-md border border-danger p-4" data-testid="verification-state">
      <h2 id="not-verified" className="m-0 text-lg">{t('rejectedTitle')}</h2>
      {verification.rejectedAt ? <p className="m-0 text-sm text-muted">{t('rejectedOn', { date: formatDate(verification.rejectedAt, locale) })}</p> : null}
      {verification.rejectionCategory ? <p className="m-0 font-semibold">{categories(verification.rejectionCategory)}</p> : null}
      {verification.rejectionReason ? <blockquote className="m-0 border-l-4 border-line pl-3 whitespace-pre-line">{verification.rejectionReason}</blockquote> : null}
      <p className="m-0">
        {verification.kind === 'company'
          ? t.rich('fixCompany', { profile: (chunks) => <Link href="/company/profile">{chunks}</Link> })
          : t('fixMunicipality')}
      </p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'verificationState']}><ResubmitForm expectedVersion={verification.version} action={resubmitAction} /></ClientMessages>
    </section>
  );
}
