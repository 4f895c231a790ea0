import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/run';
import { ActionButton } from '../forms/action-button';
import type { StoredMatch } from '@/lib/match-store/queries';
import { Link } from '@/lib/i18n/navigation';
import { CompanyName } from '../names/company-name';
import { MatchExplanation } from './match-explanation';
import { buttonVariants } from '@/components/ui/button';
import { badgeClass } from '@/components/ui/status-badge';

/** A need's best companies, each with its score, status and its three strongest reasons. */
type Invite = { needId: string; invited: Set<string>; action: (input: unknown) => Promise<ActionResult<unknown>> };

export async function RecommendedCompanies({ matches, linkToCards, invite }: { matches: StoredMatch[]; linkToCards: boolean; invite?: Invite }) {
  const t = await getTranslations();
  if (matches.length === 0) return <p className="text-muted">{t('matches.noneForNeed')}</p>;
  return (
    <ol className="m-0 grid list-none gap-4 p-0">
      {matches.map((match) => (
        <li key={match.id} className="rounded-lg border border-line bg-paper px-4 py-3" data-testid="recommended-company">
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <span className="inline-grid size-10 shrink-0 place-items-center rounded-full bg-accent font-bold text-accent-ink tabular-nums" aria-label={t('matches.scoreLabel', { score: match.score })}>{match.score}</span>
            <CompanyName legalNameJa={match.company.legalNameJa} legalNameEn={match.company.legalNameEn} />
            <span className={badgeClass('match', match.status)}>{t(`matchStatus.${match.status}`)}</span>
            {linkToCards ? <Link href={`/facilitator/matches/${match.id}`}>{t('matches.openCard')}</Link> : null}
            {invite && invite.invited.has(match.company.id) ? <span className={badgeClass('match', 'SHORTLISTED')}>{t('invitation.invited')}</span> : null}
            {invite && !invite.invited.has(match.company.id) ? (
              <ActionButton action={invite.action} input={{ needId: invite.needId, companyId: match.company.id }} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
                {t('invitation.invite')}
              </ActionButton>
            ) : null}
          </div>
          <MatchExplanation explanation={match.explanation} compact />
        </li>
      ))}
    </ol>
  );
}
