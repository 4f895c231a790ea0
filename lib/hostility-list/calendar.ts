// The list's dates are Ukrainian calendar days: a period "ends 31.01" still holds on that day in
// Kyiv, whatever the server's time zone.

export const LIST_TIME_ZONE = 'Europe/Kyiv';

// Built once: the engine reads the day for every need it prepares.
const KYIV_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: LIST_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Kyiv at `now`, as midnight UTC of that date (what a DATE column holds). */
export function kyivDay(now: Date = new Date()): Date {
  const ymd = KYIV_DATE.format(now);
  return new Date(`${ymd}T00:00:00Z`);
}

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);
