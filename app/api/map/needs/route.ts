import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { routing } from '@/lib/i18n/routing';
import { MAP_DATA_CACHE_CONTROL, readNeedsMapPayload } from '@/lib/needs/needs-map-payload';

/**
 * A filtered public needs map's data, `?locale=en&sector=…` with the needs list's filters (anything
 * malformed means "no filter", as on the page). Read per request, as the filtered map page is; the
 * unfiltered map's comes from the cache ([locale]/route.ts).
 */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const unreadable = unreadableQueryResponse(query);
  if (unreadable) return unreadable;
  try {
    const locale = query.get('locale');
    if (!hasLocale(routing.locales, locale)) throw new AppError('VALIDATION', 'No language of the site', { fieldErrors: { locale: locale ? 'validation.invalid' : 'validation.required' } });
    return Response.json(await readNeedsMapPayload(db, Object.fromEntries(query), locale), { headers: { 'Cache-Control': MAP_DATA_CACHE_CONTROL } });
  } catch (error) {
    return errorResponse(error);
  }
}
