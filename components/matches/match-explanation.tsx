import { getTranslations } from 'next-intl/server';
import { describeReason } from '@/lib/i18n/describe-reason';
import type { StoredExplanation } from '@/lib/match-store/write';
import { getListInForceOnce, getReasonContext } from './reason-context';

/**
 * Why a pair was ranked where it is: each criterion's points out of its weight with the reason
 * in words, or the constraints that exclude it. The points add up to the score shown.
 */
export async function MatchExplanation({ explanation, compact = false }: { explanation: StoredExplanation; compact?: boolean }) {
  const [t, context, list] = await Promise.all([getTranslations('matches'), getReasonContext(), getListInForceOnce()]);
  // The security reason rests on the hostilities list: say which order.
  const asOf = (criterion: string) => criterion === 'security' && list
    ? <> <small className="secondary" data-testid="security-as-of">({context.t('hostilityList.asOf', { number: list.orderNumber, date: context.format.dateTime(list.orderDate, { dateStyle: 'medium', timeZone: 'UTC' }) })})</small></>
    : null;
  if (explanation.kind === 'ineligible') return <p className="explanation-note">{t('ineligible')}</p>;
  if (explanation.kind === 'excluded') {
    return (
      <div className="explanation">
        <p className="explanation-note">{t('excluded')}</p>
        <ul className="failed-constraints">
          {explanation.failed.map((failure) => (
            <li key={failure.constraint}>
              <strong>{context.t(`criterion.${failure.constraint}`)}</strong>: {describeReason(failure.reason, context)}{asOf(failure.constraint)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const entries = compact ? explanation.entries.filter((entry) => entry.points > 0).slice(0, 3) : explanation.entries;
  return (
    <table className="table explanation">
      <caption className={compact ? 'visually-hidden' : undefined}>{t('whyCaption', { score: explanation.score })}</caption>
      {compact ? null : (
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            <th scope="col" className="numeric">{t('points')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.criterion} data-criterion={entry.criterion}>
            <th scope="row">{context.t(`criterion.${entry.criterion}`)}</th>
            <td className="numeric">
              <span className="points">{t('pointsOf', { points: entry.points, max: entry.maxPoints })}</span>
              <meter min={0} max={Math.max(entry.maxPoints, 1)} value={entry.points} aria-hidden="true" />
            </td>
            <td>{describeReason(entry.reason, context)}{asOf(entry.criterion)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
