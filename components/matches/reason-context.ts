import 'server-only';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { db } from '@/lib/db';
import { getListInForce } from '@/lib/hostility-list/list-in-force';
import type { ReasonContext } from '@/lib/i18n/describe-reason';
import { listPrefectures } from '@/lib/reference/prefectures';

/** What describeReason needs on a server page, read once per request. */
export const getReasonContext = cache(async (): Promise<ReasonContext> => {
  const [t, format, locale, prefectures] = await Promise.all([getTranslations(), getFormatter(), getLocale(), listPrefectures(db)]);
  const names = new Map(prefectures.map((p) => [p.code, locale === 'ja' ? p.nameJa : p.nameEn]));
  return { t: t as unknown as ReasonContext['t'], format, locale, prefectureName: (code) => names.get(code) ?? code };
});

/** The order the security reasons rest on, read once per request however many explanations show. */
export const getListInForceOnce = cache(() => getListInForce(db));
