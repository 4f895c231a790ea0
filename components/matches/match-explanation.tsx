import { getTranslations } from 'next-intl/server';
import { criteriaView } from '@/lib/i18n/criteria-view';
import type { StoredExplanation } from '@/lib/match-store/write';
import { CriteriaTable } from './criteria-table';
import { FailedConstraints } from './failed-constraints';
import { getListInForceOnce, getReasonContext } from './reason-context';

/**
 * Why a pair was ranked where it is: each criterion the policy weighs, its points out of its
 * weight with the reason in words, or the constraints that exclude it. The points add up to the
 * score shown; a criterion weighted 0 gives none and is left out (no "0 / 0"): lib/i18n/criteria-view.ts.
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
  const list = await getListInForceOnce();
  return <CriteriaTable view={criteriaView(explanation, context, list, caption)} />;
}
