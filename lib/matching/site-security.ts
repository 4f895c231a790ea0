import type { HostilityStatus, RiskAppetite } from '../generated/prisma/enums';
import { kyivDay } from '../hostility-list/calendar';
import { HOSTILITY_SEVERITY, STATUS_OF_SEVERITY } from '../reference/hostility-severity';
import type { SitePeriod } from './types';

// Reading a site's status on the official list (Order No. 376 of 28 Feb 2025) on a given day.

/** The severity order is defined once, with the reference data (lib/reference/hostility-severity.ts). */
export const SEVERITY = HOSTILITY_SEVERITY;

/** The most severe site a company accepts for work on site, by its stated risk appetite. */
export const TOLERANCE: Record<RiskAppetite, number> = {
  AFTER_CEASEFIRE_ONLY: 0,
  NO_HOSTILITIES: 0,
  POSSIBLE_HOSTILITIES: 1,
  ACTIVE_HOSTILITIES: 3,
};

export const RECENT_DAYS = 365;
const DAY_MS = 86_400_000;

export type SiteStatus = {
  status: HostilityStatus;
  severity: number;
  isWholeHromada: boolean;
  /**
   * The severity that bears on work in the hromada: one step lower when only some settlements
   * are listed, since the works can usually be sited outside them.
   */
  effectiveSeverity: number;
  /** The last day a period that has ended was in force, when that was within a year. */
  recentlyEndedOn: Date | null;
};

// The list's dates are Kyiv calendar days (stored as UTC midnight) and a period's end date is its
// last day in force, as in the SQL roll-up (lib/reference/load-reference-data.ts): comparing them
// with an instant would end a period at 00:00Z on its last day and start one two or three hours late.
const inForce = (period: SitePeriod, day: Date) =>
  period.start <= day && (period.end === null || period.end >= day);

/** The site's status on the Kyiv calendar day of `asOf` (an instant or a day from kyivDay). */
export function readSiteStatus(periods: readonly SitePeriod[], asOf: Date): SiteStatus {
  const day = kyivDay(asOf);
  let severity = 0;
  let isWholeHromada = false;
  let recentlyEndedOn: Date | null = null;
  for (const period of periods) {
    if (inForce(period, day)) {
      const s = SEVERITY[period.status];
      if (s > severity) {
        severity = s;
        isWholeHromada = period.isWholeHromada;
      } else if (s === severity) {
        isWholeHromada ||= period.isWholeHromada;
      }
    } else if (period.end !== null && period.end < day && day.getTime() - period.end.getTime() <= RECENT_DAYS * DAY_MS) {
      if (!recentlyEndedOn || period.end > recentlyEndedOn) recentlyEndedOn = period.end;
    }
  }
  return {
    status: STATUS_OF_SEVERITY[severity],
    severity,
    isWholeHromada: severity > 0 && isWholeHromada,
    effectiveSeverity: severity > 0 && !isWholeHromada ? severity - 1 : severity,
    recentlyEndedOn,
  };
}
