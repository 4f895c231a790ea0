import { createFormatter, createTranslator } from 'next-intl';
import { describeReason, type ReasonContext } from '../i18n/describe-reason';
import en from '../i18n/messages/en.json';
import ja from '../i18n/messages/ja.json';
import uk from '../i18n/messages/uk.json';
import type { Locale } from '../generated/prisma/enums';
import type { Reason } from '../matching/types';

// Notices and emails rendered from the message catalogues in the recipient's language, outside
// any request (jobs, transactions). Times in Kyiv time, as the pages show them.

const MESSAGES = { en, ja, uk } as const;
export const NOTICE_TIME_ZONE = 'Europe/Kyiv';

export type Translator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

export function translatorFor(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: NOTICE_TIME_ZONE }) as unknown as Translator;
  const format = createFormatter({ locale, timeZone: NOTICE_TIME_ZONE });
  const reasonContext: ReasonContext = { t, format, locale, prefectureName: (code) => code };
  return { t, format, reasonContext };
}

export type StoredNotice = { kind: string; params: unknown };

/** Values the catalogue messages read: strings, numbers, names in the reader's script; reasons are rendered apart. */
function plainParams(locale: Locale, params: unknown): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (!params || typeof params !== 'object') return values;
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string') {
      const names = value as Record<string, string | undefined>;
      values[name] = names[locale] ?? names.en!;
    }
  }
  return values;
}

function storedReasons(params: unknown): Reason[] {
  const reasons = (params as { reasons?: unknown } | null)?.reasons;
  if (!Array.isArray(reasons)) return [];
  return reasons.filter((reason): reason is Reason => !!reason && typeof reason === 'object' && typeof (reason as Reason).code === 'string');
}

export type RenderedNotice = { title: string; body: string; reasons: string[] };

export function renderNotice(locale: Locale, notice: StoredNotice): RenderedNotice {
  const { t, reasonContext } = translatorFor(locale);
  const values = plainParams(locale, notice.params);
  const key = `notifications.kinds.${notice.kind}`;
  if (!t.has(`${key}.title`)) return { title: t('notifications.unknownKind'), body: '', reasons: [] };
  return {
    title: t(`${key}.title`, values),
    body: t(`${key}.body`, values),
    reasons: storedReasons(notice.params).map((reason) => describeReason(reason, reasonContext)),
  };
}
