import { markerKey } from '../content/marker';
import { readForReader } from '../content/read-for-reader';
import { needTitle } from '../content/written';
import type { Db } from '../db';
import type { HostilityStatus, Locale } from '../generated/prisma/enums';
import { translatorFor } from '../i18n/translator';
import { listHromadaStatuses, type HromadaPlace } from '../reference/map-outline';
import { byStatus, toMetre } from './open-need-counts-payload';
import { listNeedMapPoints, type PublicNeedFilter } from './public-needs';

// What the public needs map's interactive part reads from /api/map/needs instead of from the page:
// each hromada with open needs matching the filter, its first few titles in the reader's language
// and its labels. On a national-scale world that is ≈ 1,200 hromadas and 3,000 titles (≈ 1 MB):
// in the page they were sent with every view of it, twice (HTML and React's payload); as data they
// are one response, for the unfiltered map kept in the page cache like the page itself.

/** A hromada with open needs on the interactive map, its labels already in the reader's language. */
export type MapHromada = HromadaPlace & {
  openNeedsLabel: string;
  /** The first few, most urgent first; their address is `${needsPath}/${id}`. */
  needs: { id: string; title: string; lang: string; marker: string | null }[];
  /** "And N more", when it has more open needs than listed. */
  moreLabel: string | null;
  /** Where this hromada's "more" leads, when not the map's own `moreHref` (the dashboard's counted map). */
  moreHref?: string;
};

export type NeedsMapPayload = {
  /** Without `moreHref`: "and N more" leads to the page's own needs list (its filters). */
  hromadas: MapHromada[];
  /** The codes of each status's hromadas but NONE's, to colour the hromadas without needs. */
  statuses: Partial<Record<HostilityStatus, string[]>>;
};

export async function readNeedsMapPayload(db: Db, filter: PublicNeedFilter, locale: Locale): Promise<NeedsMapPayload> {
  const [points, statuses] = await Promise.all([listNeedMapPoints(db, filter), listHromadaStatuses(db)]);
  const { t } = translatorFor(locale);
  // The popups' titles in the reader's language, one query for the whole map.
  const titles = await readForReader(db, points.flatMap((point) => point.needs.map(needTitle)), locale);
  let next = 0;
  return {
    hromadas: points.map((point) => ({
      code: point.code,
      nameUk: point.nameUk,
      nameEn: point.nameEn,
      latitude: toMetre(point.latitude),
      longitude: toMetre(point.longitude),
      status: point.hostilityStatus,
      openNeedsLabel: t('map.openNeeds', { count: point.openNeeds }),
      needs: point.needs.map((need) => {
        const title = titles[next++]!;
        const key = markerKey(title, locale);
        return { id: need.id, title: title.text, lang: title.language, marker: key ? t(`content.${key}`, { language: title.original.language }) : null };
      }),
      moreLabel: point.openNeeds > point.needs.length ? t('map.more', { count: point.openNeeds - point.needs.length }) : null,
    })),
    statuses: byStatus(statuses),
  };
}

/**
 * The map's data is kept by our cache, not by browsers or shared proxies: only this cache hears of
 * invalidations (as proxy.ts says of the cached pages), so a need closed a minute ago is not
 * offered in a popup from a copy kept elsewhere.
 */
export const MAP_DATA_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';
