import { getRequestConfig } from 'next-intl/server';

// next-intl's per-request configuration. The interface speaks English for now; Japanese and
// Ukrainian catalogues and the locale in the URL arrive with the three journeys (issue 5).
export const DEFAULT_LOCALE = 'en';

export default getRequestConfig(async () => ({
  locale: DEFAULT_LOCALE,
  messages: (await import(`./messages/${DEFAULT_LOCALE}.json`)).default,
  timeZone: 'Europe/Kyiv',
}));
