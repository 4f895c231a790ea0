import { describeReason, describeRemedy, type RemedyReader } from '@/lib/i18n/describe-reason';
import type { FailedConstraint } from '@/lib/matching/types';
import { getReasonContext } from './reason-context';
import { SecurityAsOf } from './security-as-of';

/** Each condition that excludes a pair, in words, with what would change it. */
export async function FailedConstraints({ failed, reader }: { failed: readonly FailedConstraint[]; reader: RemedyReader }) {
  const context = await getReasonContext();
  return (
    <ul className="text-[#8a1111]" data-testid="failed-constraints">
      {failed.map((failure) => {
        const remedy = describeRemedy(failure.reason, context, reader);
        return (
          <li key={failure.constraint} data-constraint={failure.constraint}>
            <strong>{context.t(`criterion.${failure.constraint}`)}</strong>: {describeReason(failure.reason, context)}<SecurityAsOf criterion={failure.constraint} />
            {remedy ? <div className="would-change" data-testid="would-change">{remedy}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
