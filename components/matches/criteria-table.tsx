import { numericClass, tableClass } from '@/components/ui/table-classes';
import type { CriteriaView } from '@/lib/i18n/criteria-view';

// Joined here, not by cn(): this file is in the browser's bundle too, and the classes do not
// conflict (tailwind-merge would return the same string).
const criteriaTableClass = `${tableClass} [&_meter]:ml-2 [&_meter]:w-20 [&_meter]:align-middle`;

/**
 * The criteria table's markup, one component for both ways it reaches the reader: rendered in
 * the page (MatchExplanation) and fetched when a recommendation's "All criteria" is opened
 * (ExplanationOnDemand). No directive: it is a server component in the first case and part of
 * the client component in the second, with the same rows from the same function
 * (lib/i18n/criteria-view.ts).
 */
export function CriteriaTable({ view }: { view: CriteriaView }) {
  const { headings } = view;
  return (
    <table className={criteriaTableClass} data-testid="criteria-table">
      <caption>{view.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headings.criterion}</th>
          <th scope="col" className={numericClass}>{headings.points}</th>
          <th scope="col">{headings.reason}</th>
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <tr key={row.criterion} data-criterion={row.criterion}>
            <th scope="row">{row.name}</th>
            <td className={numericClass} data-label={headings.points}>
              <span className="points">{row.pointsText}</span>
              <meter min={0} max={row.maxPoints} value={row.points} aria-hidden="true" />
            </td>
            <td data-label={headings.reason}>
              {row.reason}
              {row.asOf ? <> <small className="text-sm text-muted" data-testid="security-as-of">({row.asOf})</small></> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
