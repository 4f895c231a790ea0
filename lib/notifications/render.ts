import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { describeReason } from '../i18n/describe-reason';
import { translatorFor, type PrefectureNames } from '../i18n/translator';
import type { Locale } from '../generated/prisma/enums';
import type { Readable } from '../content/types';
import type { Reason } from '../matching/types';
import { quotedOriginalLine } from './written-params';

// Notices rendered from the message catalogues (notifications.kinds.<kind>) in the reader's
// language, outside any request (jobs, transactions) as in pages.

export { translatorFor };

/** The prefecture names reasons may cite, read once per email or page. */
export async function prefectureNames(client: Db | Prisma.TransactionClient): Promise<PrefectureNames> {
  const rows = await client.prefecture.findMany({ select: { code: true, nameJa: true, nameEn: true } });
  return new Map(rows.map((row) => [row.code, row]));
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

/**
 * `quoted`: for each text a person wrote that the notice quotes in another language than the
 * reader's, its marker and original (see written-params.ts).
 */
export type RenderedNotice = { title: string; body: string; reasons: string[]; quoted: string[] };

/** `texts`: the notice's quoted texts in the reader's language (readNoticeTexts); without, as written. */
export function renderNotice(locale: Locale, notice: StoredNotice, prefectures?: PrefectureNames, texts?: ReadonlyMap<string, Readable>): RenderedNotice {
  const { t, reasonContext } = translatorFor(locale, prefectures);
  const values = plainParams(locale, notice.params);
  const quoted: string[] = [];
  for (const [name, readable] of texts ?? []) {
    values[name] = readable.text;
    const line = quotedOriginalLine(t, locale, readable);
    if (line) quoted.push(line);
  }
  const key = `notifications.kinds.${notice.kind}`;
  if (!t.has(`${key}.title`)) return { title: t('notifications.unknownKind'), body: '', reasons: [], quoted: [] };
  return {
    title: t(`${key}.title`, values),
    body: t(`${key}.body`, values),
    reasons: storedReasons(notice.params).map((reason) => describeReason(reason, reasonContext)),
    quoted,
  };
}
