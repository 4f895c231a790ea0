import { getTranslations } from 'next-intl/server';
import { describeReason } from '@/lib/i18n/describe-reason';
import type { StoredExplanation } from '@/lib/match-store/write';
import { FailedConstraints } from './failed-constraints';
import { getReasonContext } from './reason-context';
import { SecurityAsOf } from './security-as-of';
import { tableClass } from '@/components/ui/table';
import { cn } from '@/components/ui/cn';

/**
 * Why a pair was ranked where it is: each criterion's points out of its weight with the reason
 * in words, or the constraints that exclude it. The points add up to the score shown.
 */
export async function MatchExplanation({ explanation, compact = false, caption }: { explanation: StoredExplanation; compact?: boolean; caption?: string }) {
  const [t, context] = await Promise.all([getTranslations('matches'), getReasonContext()]);
  if (explanation.kind === 'ineligible') return <p className="text-muted">{t('ineligible')}</p>;
  if (explanation.kind === 'excluded') {
    return (
      <div className="min-w-0 [&_meter]:ml-2 [&_meter]:w-20 [&_meter]:align-middle">
        <p className="text-muted">{t('excluded')}</p>
        <FailedConstraints failed={explanation.failed} reader="pair" />
      </div>
    );
  }
  const entries = compact ? explanation.entries.filter((entry) => entry.points > 0).slice(0, 3) : explanation.entries;
  return (
    <table className={cn(tableClass, '[&_meter]:ml-2 [&_meter]:w-20 [&_meter]:align-middle')}>
      <caption className={compact ? 'sr-only' : undefined}>{caption ?? t('whyCaption', { score: explanation.score })}</caption>
      {compact ? null : (
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            <th scope="col" className="md:text-right! tabular-nums whitespace-nowrap">{t('points')}</th>
            <th scope="col">{t('reason')}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.criterion} data-criterion={entry.criterion}>
            <th scope="row">{context.t(`criterion.${entry.criterion}`)}</th>
            <td className="md:text-right! tabular-nums whitespace-nowrap">
              <span className="points">{t('pointsOf', { points: entry.points, max: entry.maxPoints })}</span>
              <meter min={0} max={Math.max(entry.maxPoints, 1)} value={entry.points} aria-hidden="true" />
            </td>
            <td>{describeReason(entry.reason, context)}<SecurityAsOf criterion={entry.criterion} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
