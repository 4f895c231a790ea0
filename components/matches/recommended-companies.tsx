import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/run';
import { ActionButton } from '../forms/action-button';
import type { StoredMatch } from '@/lib/match-store/queries';
import { Link } from '@/lib/i18n/navigation';
import { CompanyName } from '../names/company-name';
import { MatchExplanation } from './match-explanation';

/** A need's best companies, each with its score, status and its three strongest reasons. */
type Invite = { needId: string; invited: Set<string>; action: (input: unknown) => Promise<ActionResult<unknown>> };

export async function RecommendedCompanies({ matches, linkToCards, invite }: { matches: StoredMatch[]; linkToCards: boolean; invite?: Invite }) {
  const t = await getTranslations();
  if (matches.length === 0) return <p className="empty">{t('matches.noneForNeed')}</p>;
  return (
    <ol className="match-list">
      {matches.map((match) => (
        <li key={match.id} className="match-item" data-testid="recommended-company">
          <div className="match-head">
            <span className="score" aria-label={t('matches.scoreLabel', { score: match.score })}>{match.score}</span>
            <CompanyName legalNameJa={match.company.legalNameJa} legalNameEn={match.company.legalNameEn} />
            <span className={`badge status-${match.status.toLowerCase()}`}>{t(`matchStatus.${match.status}`)}</span>
            {linkToCards ? <Link href={`/facilitator/matches/${match.id}`}>{t('matches.openCard')}</Link> : null}
            {invite && invite.invited.has(match.company.id) ? <span className="badge status-shortlisted">{t('invitation.invited')}</span> : null}
            {invite && !invite.invited.has(match.company.id) ? (
              <ActionButton action={invite.action} input={{ needId: invite.needId, companyId: match.company.id }} className="button small">
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
