import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

// next-intl's per-request configuration: the locale comes from the [locale] segment.
// Times are shown in Kyiv time for everyone, because deadlines and hostility periods are
// Ukrainian facts; each locale formats them its own way.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: 'Europe/Kyiv',
  };
});
