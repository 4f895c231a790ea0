import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { getListInForce } from '@/lib/hostility-list/list-in-force';
import { actorFromCookies } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { criteriaView } from '@/lib/i18n/criteria-view';
import { READER_TIME_ZONE } from '@/lib/i18n/dates';
import { DEFAULT_LOCALE, routing } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/translator';
import { readMatchExplanation } from '@/lib/match-store/match-explanation';
import { listPrefectures } from '@/lib/reference/prefectures';

/**
 * A card's full criteria table, fetched when it is opened (?match=<id>&locale=en): a company's
 * recommendations and a need's recommended companies list up to twenty cards, and their tables were
 * most of those pages' bytes though few are ever opened (components/matches/explanation-on-demand.tsx).
 * Who asks is checked in readMatchExplanation: each reader only the pairs its own list shows. The
 * words are built by the same function as the page's tables (lib/i18n/criteria-view.ts). A pair
 * that is no longer scored answers `{ kind }` alone: the card then offers the table rendered by a page.
 */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const actor = await actorFromCookies(db, request.cookies);
    const asked = request.nextUrl.searchParams.get('locale');
    const locale = hasLocale(routing.locales, asked) ? asked : DEFAULT_LOCALE;
    const own = await readMatchExplanation(db, actor, request.nextUrl.searchParams.get('match') ?? '');
    if (own.explanation.kind !== 'scored') return Response.json({ kind: own.explanation.kind }, { headers: { 'Cache-Control': 'no-store' } });
    const [prefectures, list] = await Promise.all([listPrefectures(db), getListInForce(db)]);
    // The catalogue and time zone a page in this language is rendered with (lib/i18n/request.ts).
    const { reasonContext } = translatorFor(locale, new Map(prefectures.map((p) => [p.code, p])), READER_TIME_ZONE[locale]);
    return Response.json({ kind: 'scored', view: criteriaView(own.explanation, reasonContext, list) }, { headers: { 'Cache-Control': 'no-store', 'Content-Language': locale } });
  } catch (error) {
    return errorResponse(error);
  }
}
