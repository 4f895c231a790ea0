import { getTranslations } from 'next-intl/server';
import { badgeClass } from '@/components/ui/status-badge';
import type { ActionResult } from '@/lib/actions/run';
import { InviteForm } from '../interests/invite-form';
import type { StoredMatch } from '@/lib/match-store/queries';
import { Link } from '@/lib/i18n/link';
import { CompanyName } from '../names/company-name';
import { entriesOf, MatchSummary, othersThan, SharedReasons } from './match-summary';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

/** A need's best companies, each a card with its score, status and what sets it apart from the others. */
type Invite = { needId: string; invited: Set<string>; action: (input: unknown) => Promise<ActionResult<unknown>> };

/**
 * Each card's full criteria table is fetched when opened; `explain` (the page's `?explain=<match id>`,
 * where a reader without JavaScript is sent) renders that card's table in the page, open.
 */
export async function RecommendedCompanies({ matches, linkToCards, invite, explain }: { matches: StoredMatch[]; linkToCards: boolean; invite?: Invite; explain?: string }) {
  const t = await getTranslations();
  if (matches.length === 0) return <p className="text-muted">{t('matches.noneForNeed')}</p>;
  const lists = entriesOf(matches.map((match) => match.explanation));
  return (
    <>
      <SharedReasons lists={lists} of="companies" />
      <ol className="m-0 grid list-none gap-4 p-0">
        {matches.map((match, index) => (
          <li key={match.id} id={`match-${match.id}`} className="min-w-0 rounded-lg border border-line bg-paper px-4 py-3" data-testid="recommended-company">
            <div className="mb-2 flex flex-wrap items-center gap-3">
              <span className="inline-grid size-10 shrink-0 place-items-center rounded-full bg-accent font-bold text-accent-ink tabular-nums" aria-label={t('matches.scoreLabel', { score: match.score })}>{match.score}</span>
              <CompanyName id={match.company.id} legalNameJa={match.company.legalNameJa} legalNameEn={match.company.legalNameEn} />
              <span className={badgeClass('match', match.status)}>{t(`matchStatus.${match.status}`)}</span>
              {linkToCards ? <Link href={`/facilitator/matches/${match.id}`}>{t('matches.openCard')}</Link> : null}
              {invite && invite.invited.has(match.company.id) ? <span className={badgeClass('match', 'SHORTLISTED')}>{t('invitation.invited')}</span> : null}
            </div>
            {invite && !invite.invited.has(match.company.id)
              ? <ClientMessages namespaces={[...FORM_NAMESPACES, 'invitation']}><InviteForm needId={invite.needId} companyId={match.company.id} companyName={match.company.legalNameEn} action={invite.action} /></ClientMessages>
              : null}
            {match.id === explain
              ? <MatchSummary explanation={match.explanation} others={othersThan(lists, index)} open />
              : <MatchSummary explanation={match.explanation} others={othersThan(lists, index)} onDemand={{ matchId: match.id, score: match.score, without: 'thisPage' }} />}
          </li>
        ))}
      </ol>
    </>
  );
}
