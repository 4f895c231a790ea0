import { defineRouting } from 'next-intl/routing';

// Every page lives under its locale (/ja/needs, /uk/needs, /en/needs) so a link always opens
// in the language it was shared in. A visitor without one is sent to the best match for their
// browser, remembered in a cookie once they choose.
export const LOCALES = ['ja', 'uk', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'en';

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'always',
});
