import { getTranslations } from 'next-intl/server';
import type { RemedyReader } from '@/lib/i18n/describe-reason';
import type { PairAssessment } from '@/lib/match-store/assess-pair';
import { FailedConstraints } from './failed-constraints';
import { MatchExplanation } from './match-explanation';
import { MatchSummary } from './match-summary';

/**
 * A pair no stored list holds, judged now: why it is not judged at all, which conditions
 * exclude it and what would change them, or its score below the lists' floors. Facilitators also
 * see the points an excluded pair would have without those conditions, labelled as such.
 */
export async function PairAssessmentView({ assessment, reader, showHypothetical = false }: {
  assessment: PairAssessment;
  reader: RemedyReader;
  showHypothetical?: boolean;
}) {
  const t = await getTranslations('explain');
  if (assessment.kind === 'notJudged') return <p className="text-muted">{t('notJudged', { why: assessment.why })}</p>;
  const { result, hypothetical } = assessment;
  if (result.kind === 'scored') {
    return (
      <div className="min-w-0 [&_meter]:ml-2 [&_meter]:w-20 [&_meter]:align-middle" data-testid="pair-assessment">
        <p className="text-muted">{t(reader === 'you' ? 'belowTopYou' : 'belowTop', { score: result.score })}</p>
        {reader === 'you' ? <MatchExplanation explanation={{ ...result, asOf: '' }} /> : <MatchSummary explanation={{ ...result, asOf: '' }} others={[]} />}
      </div>
    );
  }
  return (
    <div className="min-w-0 [&_meter]:ml-2 [&_meter]:w-20 [&_meter]:align-middle" data-testid="pair-assessment">
      <p className="text-muted">{t(reader === 'you' ? 'excludedYou' : 'excludedPair')}</p>
      <FailedConstraints failed={result.failed} reader={reader} />
      {showHypothetical && hypothetical?.kind === 'scored' ? (
        <div data-testid="hypothetical">
          <p className="text-sm text-muted">{t('hypothetical', { score: hypothetical.score })}</p>
          <MatchExplanation explanation={{ ...hypothetical, asOf: '' }} caption={t('hypotheticalCaption')} />
        </div>
      ) : null}
    </div>
  );
}
