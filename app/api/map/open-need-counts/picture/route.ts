import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { mapPictureSvg } from '@/components/maps/map-picture';
import { db } from '@/lib/db';
import { errorResponse, unreadableQueryResponse } from '@/lib/http/route-response';
import { routing } from '@/lib/i18n/routing';
import { translatorFor } from '@/lib/i18n/translator';
import { countOpenNeedsByHromada } from '@/lib/needs/open-need-counts';
import { listHromadaDots } from '@/lib/reference/map-outline';

/** `?locale=`: the language of the picture's titles; anything else reads as the default. */
const localeSchema = z.enum(routing.locales).catch(routing.defaultLocale);

/**
 * Public data: the dashboard's server-drawn map (components/maps/map-picture.ts) as an SVG image —
 * every hromada's centre and a disc per hromada with public open needs — which the dashboard
 * shows until (or instead of, without JavaScript) its interactive map. Kept by the browser a
 * minute, like the counts beside it (../route.ts).
 */
export async function GET(request: NextRequest) {
  const unreadable = unreadableQueryResponse(request.nextUrl.searchParams);
  if (unreadable) return unreadable;
  try {
    const locale = localeSchema.parse(request.nextUrl.searchParams.get('locale'));
    const [dots, counts] = await Promise.all([listHromadaDots(db), countOpenNeedsByHromada(db)]);
    const { t } = translatorFor(locale);
    const svg = mapPictureSvg({
      dots,
      points: counts.hromadas,
      title: t('dashboard.mapTitle'),
      statusTitle: (status, hromadas) => `${t(`hostility.${status}`)}: ${t('map.hromadas', { count: hromadas })}`,
    });
    return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });
  } catch (error) {
    return errorResponse(error);
  }
}
