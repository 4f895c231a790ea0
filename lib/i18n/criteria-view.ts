import type { ListInForce } from '../hostility-list/list-in-force';
import type { StoredExplanation } from '../match-store/write';
import { weighedEntries } from '../matching/highlights';
import { formatDay } from './dates';
import { describeReason, type ReasonContext } from './describe-reason';
import type { AppLocale } from './routing';

/** One weighed criterion of a scored pair, already in the reader's words. */
export type CriteriaRow = { criterion: string; name: string; points: number; maxPoints: number; pointsText: string; reason: string; asOf: string | null };

/** A scored pair's criteria table as text: what a page renders and the on-demand route sends. */
export type CriteriaView = { score: number; caption: string; headings: { criterion: string; points: string; reason: string }; rows: CriteriaRow[] };

export type ScoredExplanation = Extract<StoredExplanation, { kind: 'scored' }>;

/**
 * Each criterion the policy weighs, its points out of its weight and the reason in words; a
 * criterion weighted 0 gives none and is left out (no "0 / 0"). The security reason says which
 * order of the hostilities list it rests on. The one source of the table's words, whether the
 * page renders it or a recommendation fetches it when opened (app/api/match-explanation).
 */
export function criteriaView(explanation: ScoredExplanation, context: ReasonContext, list: ListInForce | null, caption?: string): CriteriaView {
  const t = (key: string, values?: Record<string, string | number>) => context.t(`matches.${key}`, values);
  const asOf = list ? context.t('hostilityList.asOf', { number: list.orderNumber, date: formatDay(list.orderDate, context.locale as AppLocale) }) : null;
  return {
    score: explanation.score,
    caption: caption ?? t('whyCaption', { score: explanation.score }),
    headings: { criterion: t('criterion'), points: t('points'), reason: t('reason') },
    rows: weighedEntries(explanation.entries).map((entry) => ({
      criterion: entry.criterion,
      name: context.t(`criterion.${entry.criterion}`),
      points: entry.points,
      maxPoints: entry.maxPoints,
      pointsText: t('pointsOf', { points: entry.points, max: entry.maxPoints }),
      reason: describeReason(entry.reason, context),
      asOf: entry.criterion === 'security' ? asOf : null,
    })),
  };
}
