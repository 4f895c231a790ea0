import { getTranslations } from 'next-intl/server';
import { describeReason } from '@/lib/i18n/describe-reason';
import type { StoredExplanation } from '@/lib/match-store/write';
import { weighedEntries } from '@/lib/matching/highlights';
import { cn } from '@/components/ui/cn';
import { numericClass, tableClass } from '@/components/ui/table';
import { FailedConstraints } from './failed-constraints';
import { getReasonContext } from './reason-context';
import { SecurityAsOf } from './security-as-of';

/**
 * Why a pair was ranked where it is: each criterion the policy weighs, its points out of its
 * weight with the reason in words, or the constraints that exclude it. The points add up to the
 * score shown; a criterion weighted 0 gives none and is left out (no "0 / 0").
 */
export async function MatchExplanation({ explanation, caption }: { explanation: StoredExplanation; caption?: string }) {
  const [t, context] = await Promise.all([getTranslations('matches'), getReasonContext()]);
  if (explanation.kind === 'ineligible') return <p className="text-muted">{t('ineligible')}</p>;
  if (explanation.kind === 'excluded') {
    return (
      <div className="min-w-0">
        <p className="text-muted">{t('excluded')}</p>
        <FailedConstraints failed={explanation.failed} reader="pair" />
      </div>
    );
  }
  return (
    <table className={cn(tableClass, '[&_meter]:ml-2 [&_meter]:w-20 [&_meter]:align-middle')} data-testid="criteria-table">
      <caption>{caption ?? t('whyCaption', { score: explanation.score })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('criterion')}</th>
          <th scope="col" className={numericClass}>{t('points')}</th>
          <th scope="col">{t('reason')}</th>
        </tr>
      </thead>
      <tbody>
        {weighedEntries(explanation.entries).map((entry) => (
          <tr key={entry.criterion} data-criterion={entry.criterion}>
            <th scope="row">{context.t(`criterion.${entry.criterion}`)}</th>
            <td className={numericClass} data-label={t('points')}>
              <span className="points">{t('pointsOf', { points: entry.points, max: entry.maxPoints })}</span>
              <meter min={0} max={entry.maxPoints} value={entry.points} aria-hidden="true" />
            </td>
            <td data-label={t('reason')}>{describeReason(entry.reason, context)}<SecurityAsOf criterion={entry.criterion} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
