import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { CompanyName } from '@/components/names/company-name';
import { DateOf } from '@/components/time/when';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/run';
import type { listInvitationsForNeed } from '@/lib/interests/invite-company';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

type Invitation = Awaited<ReturnType<typeof listInvitationsForNeed>>[number];

/** The hromada's invitations to one need: each can be withdrawn, and a withdrawn one stays listed as withdrawn. */
export async function InvitationsSent({ needId, invitations, withdrawAction }: { needId: string; invitations: Invitation[]; withdrawAction?: (input: unknown) => Promise<ActionResult<unknown>> }) {
  if (invitations.length === 0) return null;
  const t = await getTranslations('invitation');
  return (
    <>
      <h2>{t('listTitle')}</h2>
      <ul className="grid gap-2.5 pl-5" data-testid="invitations-sent">
        {invitations.map((invitation) => (
          <li key={invitation.id} data-testid="invitation">
            <CompanyName legalNameJa={invitation.company.legalNameJa} legalNameEn={invitation.company.legalNameEn} />{' '}
            <span className="text-sm text-muted"><DateOf value={invitation.createdAt} /></span>{' '}
            {invitation.withdrawnAt
              ? <Badge tone="neutral">{t('withdrawnBadge')}</Badge>
              : withdrawAction
                ? <ClientMessages namespaces={[...FORM_NAMESPACES]}><ActionButton action={withdrawAction} input={{ needId, companyId: invitation.company.id }} done={t('withdrawnDone')} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>{t('withdraw')}</ActionButton></ClientMessages>
                : null}
            {invitation.note ? <blockquote className="whitespace-pre-wrap" lang={invitation.noteLanguage}>{invitation.note}</blockquote> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
