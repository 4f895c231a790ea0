import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { READER_TIME_ZONE } from './dates';
import { routing } from './routing';

// next-intl's per-request configuration: the locale comes from the [locale] segment. Times are
// written in the reader's zone (lib/i18n/dates.ts says which and why), always with its name;
// dates and times go through lib/i18n/dates.ts and components/time/when.tsx, one style per language.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: READER_TIME_ZONE[locale],
  };
});
