import type { AppLocale } from './routing';

// One way to write a date or a time per language, everywhere (issue 13: Japanese pages showed
// 2026-11-23, 2026/11/23 and 2026年11月23日 side by side, and times in Kyiv time without a zone).
//  - A calendar day (an order's date, the day a period ended: stored at UTC midnight) is written
//    as that day, whatever the reader's zone.
//  - An instant (a sign-in, a decision) is written in the reader's zone, and a time always names
//    its zone. Japanese readers get Japan time (JST). Ukrainian readers get Kyiv time. English
//    readers may be anywhere and the server cannot know their zone, so they get the project's
//    reference zone — Kyiv, where needs, deadlines and hostility periods are set — labelled
//    "Kyiv time" with its UTC offset, never a bare time.

export const READER_TIME_ZONE: Record<AppLocale, string> = {
  ja: 'Asia/Tokyo',
  uk: 'Europe/Kyiv',
  en: 'Europe/Kyiv',
};

const DAY_STYLE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: AppLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let result = formatters.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, result);
  }
  return result;
}

/** A calendar day: "2026年11月23日", "23 листопада 2026 р.", "November 23, 2026". */
export function formatDay(day: Date, locale: AppLocale): string {
  return formatter(locale, { ...DAY_STYLE, timeZone: 'UTC' }).format(day);
}

/** The day an instant falls on in the reader's zone, in the same style as formatDay. */
export function formatDate(instant: Date, locale: AppLocale): string {
  return formatter(locale, { ...DAY_STYLE, timeZone: READER_TIME_ZONE[locale] }).format(instant);
}

/** The reader zone's offset from UTC at that instant: "UTC+9", "UTC+2", "UTC+3" in summer. */
export function utcOffset(instant: Date, locale: AppLocale): string {
  const name = formatter('en', { timeZone: READER_TIME_ZONE[locale], timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? 'UTC' : name.replace('GMT', 'UTC');
}

export type DateTimeParts = { date: string; time: string; offset: string };

/**
 * An instant's parts in the reader's zone; the catalogue's `time.at` puts them together with the
 * zone's name ("2026年12月2日 0:30 JST", "1 December 2026, 17:30 Kyiv time (UTC+2)").
 */
export function dateTimeParts(instant: Date, locale: AppLocale): DateTimeParts {
  const timeZone = READER_TIME_ZONE[locale];
  return {
    date: formatDate(instant, locale),
    time: formatter(locale, { hour: 'numeric', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant),
    offset: utcOffset(instant, locale),
  };
}

/** The machine-readable form for <time dateTime>: a day as YYYY-MM-DD, an instant in full ISO. */
export const machineDay = (day: Date) => day.toISOString().slice(0, 10);
