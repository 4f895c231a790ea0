import type { HostilityStatus } from '../generated/prisma/enums';

// How severe each status of the official hostilities list (Order No. 376) is, written out as
// numbers: the one order every comparison uses — the engine's site reading and the SQL roll-up
// of a hromada's status — instead of the position of a value in the PostgreSQL enum.

export const HOSTILITY_SEVERITY: Record<HostilityStatus, number> = {
  NONE: 0,
  POSSIBLE_HOSTILITIES: 1,
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 2,
  ACTIVE_HOSTILITIES: 3,
  TEMPORARILY_OCCUPIED: 4,
};

/** The status of each severity, the inverse of the map above. */
export const STATUS_OF_SEVERITY: readonly HostilityStatus[] = (() => {
  const out: HostilityStatus[] = [];
  for (const [status, severity] of Object.entries(HOSTILITY_SEVERITY) as [HostilityStatus, number][]) out[severity] = status;
  return out;
})();

/** `CASE <column> WHEN 'NONE' THEN 0 … END`: the map above as an SQL expression over a status column. */
export function severitySql(column: string): string {
  if (!/^[A-Za-z_."]+$/.test(column)) throw new Error(`Not a column: ${column}`);
  const arms = Object.entries(HOSTILITY_SEVERITY).map(([status, severity]) => `WHEN '${status}' THEN ${severity}`);
  return `(CASE ${column} ${arms.join(' ')} END)`;
}
