import type { HostilityScope, HostilityStatus } from '@/lib/generated/prisma/enums';
import { HOSTILITY_LABELS, SCOPE_LABELS } from '../labels';

/** The hromada's status on the official hostilities list, as a coloured badge. */
export function HostilityBadge({ status, scope }: { status: HostilityStatus; scope: HostilityScope | null }) {
  return (
    <span className={`badge hostility-${status.toLowerCase()}`} title="Official list: Order No. 376 of 28 Feb 2025, as amended">
      {HOSTILITY_LABELS[status]}
      {scope === 'PARTIAL' ? ` (${SCOPE_LABELS.PARTIAL})` : ''}
    </span>
  );
}
