import { getLocale, getTranslations } from 'next-intl/server';
import { describeReason } from '@/lib/i18n/describe-reason';
import type { StoredExplanation } from '@/lib/match-store/write';
import { distinguishingReasons, sharedCriteria, type Highlight } from '@/lib/matching/highlights';
import type { ScoreEntry } from '@/lib/matching/types';
import { getPathname } from '@/lib/i18n/navigation';
import { ExplanationOnDemand } from './explanation-on-demand';
import { MatchExplanation } from './match-explanation';
import { getReasonContext } from './reason-context';

// A recommendation as a card: what sets it apart from the others on its list (or, alone, its top
// reasons) in two or three lines, the full criteria table one click away. Issue 13: every card
// repeated a nine-row table, and municipalities saw the three reasons every company shares.

type Entries = readonly ScoreEntry[];

/** The scored entries of each explanation of a list, in order (null where not scored). */
export const entriesOf = (explanations: readonly StoredExplanation[]): (Entries | null)[] =>
  explanations.map((explanation) => (explanation.kind === 'scored' ? explanation.entries : null));

/** The other scored entries of a list than the one at `index`. */
export const othersThan = (lists: readonly (Entries | null)[], index: number): Entries[] =>
  lists.filter((list, i): list is Entries => i !== index && list !== null);

/**
 * Where a card's table is fetched when opened, and where a reader without JavaScript reads it
 * instead: the need's page, which shows a company its own fit in full, or this page, rendered with
 * that card's table open (`?explain=<match id>`, the need page's recommended companies).
 */
export type OnDemand = { matchId: string; score: number; without: { needId: string } | 'thisPage' };

/**
 * `onDemand`: the card's full table is fetched when opened (ExplanationOnDemand) instead of sent
 * with the page — lists of up to twenty cards — inside <ClientMessages namespaces={['criteriaOnDemand']}>.
 * Otherwise the table is in the page, in a <details> that `open` opens.
 */
export async function MatchSummary({ explanation, others, onDemand, open = false }: {
  explanation: StoredExplanation;
  others: readonly Entries[];
  onDemand?: OnDemand;
  open?: boolean;
}) {
  if (explanation.kind !== 'scored') return <MatchExplanation explanation={explanation} />;
  const [t, locale] = await Promise.all([getTranslations('matches'), getLocale()]);
  const fallback = !onDemand ? null : onDemand.without === 'thisPage'
    ? { href: `?${new URLSearchParams({ explain: onDemand.matchId })}#match-${onDemand.matchId}`, on: 'thisPage' as const }
    : { href: `${getPathname({ href: `/needs/${onDemand.without.needId}`, locale })}#your-fit`, on: 'needPage' as const };
  return (
    <div className="grid min-w-0 gap-2">
      <ReasonHighlights highlights={distinguishingReasons(explanation.entries, others)} />
      {onDemand && fallback ? (
        <ExplanationOnDemand matchId={onDemand.matchId} score={onDemand.score} fallback={fallback}>
          {t('fullTable')}
        </ExplanationOnDemand>
      ) : (
        <details className="min-w-0 text-sm" data-testid="full-criteria" open={open}>
          <summary className="cursor-pointer font-semibold text-accent">{t('fullTable')}</summary>
          <MatchExplanation explanation={explanation} />
        </details>
      )}
    </div>
  );
}

async function ReasonHighlights({ highlights }: { highlights: Highlight[] }) {
  const [t, context] = await Promise.all([getTranslations('matches'), getReasonContext()]);
  if (highlights.length === 0) return <p className="m-0 text-sm text-muted">{t('noDifference')}</p>;
  return (
    <ul className="m-0 grid list-none gap-1 p-0 text-sm" data-testid="reason-highlights">
      {highlights.map(({ entry, stance }) => (
        <li key={entry.criterion} data-criterion={entry.criterion} data-stance={stance} className="flex min-w-0 gap-2">
          <span aria-hidden="true" className={stance === 'strength' ? 'text-success' : 'text-warning'}>{stance === 'strength' ? '▲' : '▼'}</span>
          <span className="min-w-0">
            <span className="sr-only">{t(stance)}: </span>
            <strong>{context.t(`criterion.${entry.criterion}`)}</strong>{' '}
            <span className="whitespace-nowrap tabular-nums text-muted">{t('pointsOf', { points: entry.points, max: entry.maxPoints })}</span>
            {' — '}{describeReason(entry.reason, context)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Once above a list: the criteria on which every match says the same, so no card repeats them. */
export async function SharedReasons({ lists, of }: { lists: readonly (Entries | null)[]; of: 'companies' | 'needs' }) {
  const criteria = sharedCriteria(lists.filter((list): list is Entries => list !== null));
  if (criteria.length === 0) return null;
  const [t, context, locale] = await Promise.all([getTranslations('matches'), getReasonContext(), getLocale()]);
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(criteria.map((criterion) => context.t(`criterion.${criterion}`)));
  return <p className="text-sm text-muted" data-testid="shared-reasons">{t(of === 'companies' ? 'sharedCompanies' : 'sharedNeeds', { criteria: names })}</p>;
}
