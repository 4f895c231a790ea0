import { hasLocale } from 'next-intl';
import { tagPage } from '@/lib/cache/tag-page';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/route-response';
import { routing } from '@/lib/i18n/routing';
import { MAP_DATA_CACHE_CONTROL, readNeedsMapPayload } from '@/lib/needs/needs-map-payload';

// The unfiltered public needs map's data (lib/needs/needs-map-payload.ts) in one language, from
// Next's cache like the map page that reads it (lib/cache/page-cache-handler.mjs): rendered once
// per write to the tables it reads, for every visitor and instance. A filtered map reads ../route.ts.
export const dynamic = 'force-static';

export async function GET(_request: Request, { params }: RouteContext<'/api/map/needs/[locale]'>) {
  try {
    const { locale } = await params;
    // "Not found" is not kept by the cache: no entry for a language anyone invents.
    if (!hasLocale(routing.locales, locale)) throw new AppError('NOT_FOUND');
    await tagPage('needs');
    return Response.json(await readNeedsMapPayload(db, {}, locale), { headers: { 'Cache-Control': MAP_DATA_CACHE_CONTROL } });
  } catch (error) {
    return errorResponse(error);
  }
}
