import { createFormatter, createTranslator } from 'next-intl';
import type { Locale } from '../generated/prisma/enums';
import type { ReasonContext } from './describe-reason';
import en from './messages/en.json';
import ja from './messages/ja.json';
import uk from './messages/uk.json';

// The catalogues outside a request (emails composed in transactions and jobs), in the
// recipient's language. Times in Kyiv time, as the pages show them (request.ts).

const MESSAGES = { en, ja, uk } as const;
export const MESSAGE_TIME_ZONE = 'Europe/Kyiv';

export type Translator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** Prefecture names by code ({ nameJa, nameEn }), for reasons that name one. */
export type PrefectureNames = ReadonlyMap<string, { nameJa: string; nameEn: string }>;

/** `timeZone`: a reader's on a page's behalf (READER_TIME_ZONE, as request.ts sets it); Kyiv by default. */
export function translatorFor(locale: Locale, prefectures?: PrefectureNames, timeZone = MESSAGE_TIME_ZONE) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone }) as unknown as Translator;
  const format = createFormatter({ locale, timeZone });
  const reasonContext: ReasonContext = { t, format, locale, prefectureName: (code) => {
    const names = prefectures?.get(code);
    return names ? (locale === 'ja' ? names.nameJa : names.nameEn) : code;
  } };
  return { t, format, reasonContext };
}
