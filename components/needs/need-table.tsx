import type { PublicNeed } from '@/lib/needs/public-needs';
import { HostilityBadge } from '../hromadas/hostility-badge';
import { SECTOR_LABELS, STAGE_LABELS, URGENCY_LABELS } from '../labels';

const formatBudget = (need: PublicNeed) =>
  need.budgetAmount && need.budgetCurrency
    ? new Intl.NumberFormat('en', { style: 'currency', currency: need.budgetCurrency, maximumFractionDigits: 0 })
        .format(Number(need.budgetAmount))
    : '—';

export function NeedTable({ needs }: { needs: PublicNeed[] }) {
  if (needs.length === 0) return <p className="empty">No open needs yet.</p>;
  return (
    <table className="table" aria-label="Open needs">
      <thead>
        <tr>
          <th scope="col">Need</th>
          <th scope="col">Hromada</th>
          <th scope="col">Oblast</th>
          <th scope="col">Hostility status</th>
          <th scope="col">Sector</th>
          <th scope="col">Stage</th>
          <th scope="col">Urgency</th>
          <th scope="col" className="numeric">Budget</th>
        </tr>
      </thead>
      <tbody>
        {needs.map((need) => (
          <tr key={need.id}>
            <td>{need.title}</td>
            <td>
              <span lang="uk">{need.hromada.nameUk}</span>
              <span className="secondary"> {need.hromada.nameEn}</span>
            </td>
            <td>
              <span lang="uk">{need.hromada.oblast.nameUk}</span>
              <span className="secondary"> {need.hromada.oblast.nameEn}</span>
            </td>
            <td>
              <HostilityBadge status={need.hromada.hostilityStatus} scope={need.hromada.hostilityScope} />
            </td>
            <td>{SECTOR_LABELS[need.sector]}</td>
            <td>{STAGE_LABELS[need.stage]}</td>
            <td>{URGENCY_LABELS[need.urgency]}</td>
            <td className="numeric">{formatBudget(need)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
