import { useLocale, useTranslations } from 'next-intl';
import { dateTimeParts, formatDate, formatDay, machineDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

// Every date and time on a page goes through these (or lib/i18n/dates.ts for text inside a
// sentence): one style per language, the reader's zone named. A day or a time is never broken
// inside; a full date-time may wrap between its date, time and zone (on a phone's card it is
// wider than half the screen).

/** A calendar day: an order's date, the day a period ended. */
export function Day({ value }: { value: Date }) {
  const locale = useLocale() as AppLocale;
  return <time dateTime={machineDay(value)} className="whitespace-nowrap">{formatDay(value, locale)}</time>;
}

/** The day something happened, in the reader's zone. */
export function DateOf({ value }: { value: Date }) {
  const locale = useLocale() as AppLocale;
  return <time dateTime={value.toISOString()} className="whitespace-nowrap">{formatDate(value, locale)}</time>;
}

/** When something happened, to the minute, with the zone it is written in. */
export function DateTime({ value }: { value: Date }) {
  const locale = useLocale() as AppLocale;
  const t = useTranslations('time');
  const { date, time, offset } = dateTimeParts(value, locale);
  const unbroken = (text: string) => text.replace(/ /g, '\u00a0');
  return <time dateTime={value.toISOString()}>{t('at', { date: unbroken(date), time: unbroken(time), offset: unbroken(offset) })}</time>;
}
