import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { HostilityStatus } from '@/lib/generated/prisma/enums';
import { getPathname, Link } from '@/lib/i18n/navigation';
import type { NeedMapPoint } from '@/lib/needs/public-needs';
import type { MapDot } from '@/lib/reference/map-outline';
import { HromadaName } from '../names/hromada-name';
import { discs } from './discs';
import { HOSTILITY_COLOURS, HROMADA_SHAPES_URL } from './hostility-colours';
import { InteractiveHromadaMap, type MapHromada } from './interactive-hromada-map';

// The map of hromadas with open needs: an interactive map (Leaflet, boundaries from this site)
// where JavaScript runs, the SVG drawn here where it does not (and while the map loads), and in
// every case a list of the same hromadas and needs, which is the way in for keyboards and
// screen readers.

// Equirectangular with the longitude scaled by cos(48.5°), Ukraine's middle latitude, so the
// country keeps its shape.
const WEST = 22, EAST = 40.5, NORTH = 52.5, SOUTH = 44.2;
const X_SCALE = Math.cos((48.5 * Math.PI) / 180);
const WIDTH = 800;
const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / ((EAST - WEST) * X_SCALE));

// Legend swatches: the design system's tokens, the same colours as HOSTILITY_COLOURS.
const HOSTILITY_SWATCH: Record<HostilityStatus, string> = {
  NONE: 'bg-hostility-none-fill',
  POSSIBLE_HOSTILITIES: 'bg-hostility-possible-fill',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 'bg-hostility-services-fill',
  ACTIVE_HOSTILITIES: 'bg-hostility-active-fill',
  TEMPORARILY_OCCUPIED: 'bg-hostility-occupied-fill',
};

const project = (latitude: number, longitude: number) => ({
  x: ((longitude - WEST) / (EAST - WEST)) * WIDTH,
  y: ((NORTH - latitude) / (NORTH - SOUTH)) * HEIGHT,
});

/**
 * Counts instead of titles (the facilitator's dashboard, rendered per view): the points carry no
 * needs, each popup links to `href(code)` with `linkLabel`, and `list` takes the place of the
 * list of hromadas and their needs under the map.
 */
export type CountedMap = { linkLabel: string; href: (code: string) => string; list: ReactNode; loadFailed: string };

export function HromadaMap({ dots, points, statuses, title, listHref, counted }: {
  dots: MapDot[];
  points: NeedMapPoint[];
  /** Hromadas whose status is not NONE (lib/reference/map-outline.ts listHromadaStatuses). */
  statuses: Record<string, HostilityStatus>;
  title: string;
  /** Where "more needs" leads: the needs list with the same filters. */
  listHref: string;
  counted?: CountedMap;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const readsUkrainian = locale === 'uk';
  const counts = new Map<HostilityStatus, number>();
  for (const point of points) counts.set(point.hostilityStatus, (counts.get(point.hostilityStatus) ?? 0) + 1);
  const statusLabels = Object.fromEntries(Object.values(HostilityStatus).map((s) => [s, t(`hostility.${s}`)])) as Record<HostilityStatus, string>;
  const hromadas: MapHromada[] = points.map((point) => ({
    code: point.code,
    name: readsUkrainian ? point.nameUk : point.nameEn,
    nameUk: point.nameUk,
    latitude: point.latitude,
    longitude: point.longitude,
    status: point.hostilityStatus,
    openNeedsLabel: t('map.openNeeds', { count: point.openNeeds }),
    needs: point.needs.map((need) => ({ title: need.title, lang: need.language, marker: need.marker ?? null, href: getPathname({ href: `/needs/${need.id}`, locale }) })),
    moreLabel: counted ? counted.linkLabel : point.openNeeds > point.needs.length ? t('map.more', { count: point.openNeeds - point.needs.length }) : null,
    moreHref: getPathname({ href: counted ? counted.href(point.code) : listHref, locale }),
  }));

  return (
    <figure className="m-0 grid min-w-0 gap-3">
      <InteractiveHromadaMap
        shapesUrl={HROMADA_SHAPES_URL}
        hromadas={hromadas}
        statuses={statuses}
        statusLabels={statusLabels}
        readsUkrainian={readsUkrainian}
        text={{
          label: t('map.label'),
          attribution: t('map.attribution'),
          noNeeds: t('map.noNeeds'),
          zoomIn: t('map.zoomIn'),
          zoomOut: t('map.zoomOut'),
          loadFailed: counted?.loadFailed ?? t('map.loadFailed'),
          closePopup: t('map.closePopup'),
        }}
      >
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="map-title" data-testid="hromada-map" className="h-auto w-full max-w-4xl rounded-lg border border-line bg-paper">
          <title id="map-title">{title}</title>
          {/* Every hromada's centre, faint, outlines Ukraine: one path of ~1,470 small discs. */}
          <path fill="#c7ccd6" d={discs(dots.map((dot) => ({ ...project(dot.latitude, dot.longitude), r: 2 })))} />
          {/* The hromadas with open needs: one path per hostility status, not one element per
              hromada (≈ 1,300 on a national-scale world), so the page costs the same to render
              wherever the needs are. Each hromada is named in the list below the map, and in the
              interactive map's popups. */}
          <g stroke="#fff" strokeWidth={1.5} fillOpacity={0.9}>
            {Object.values(HostilityStatus).filter((status) => counts.has(status)).map((status) => (
              <path
                key={status}
                className="map-points"
                data-status={status}
                data-hromadas={counts.get(status)}
                fill={HOSTILITY_COLOURS[status]}
                d={discs(points.filter((point) => point.hostilityStatus === status).map((point) => ({ ...project(point.latitude, point.longitude), r: 5 + Math.min(point.openNeeds, 6) })))}
              >
                <title>{`${statusLabels[status]}: ${t('map.hromadas', { count: counts.get(status)! })}`}</title>
              </path>
            ))}
          </g>
        </svg>
      </InteractiveHromadaMap>
      <figcaption>
        <p id="map-legend-title" className="m-0 mb-1 font-semibold">{t('map.legendTitle')}</p>
        <ul aria-labelledby="map-legend-title" data-testid="map-legend" className="m-0 flex list-none flex-wrap gap-x-5 gap-y-2 p-0">
          {Object.values(HostilityStatus).map((status) => (
            <li key={status}>
              <span aria-hidden="true" className={cn('mr-1.5 inline-block size-3.5 rounded-full align-[-0.1rem]', HOSTILITY_SWATCH[status])} />
              {t(`hostility.${status}`)}: {t('map.hromadas', { count: counts.get(status) ?? 0 })}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-muted">{t('map.source')}</p>
      </figcaption>
      {counted ? counted.list : <details data-testid="map-list" className="rounded-lg border border-line bg-paper px-4 py-3">
        <summary className="cursor-pointer font-semibold">{t('map.listTitle', { count: points.length })}</summary>
        <ul className="mt-2 grid gap-2 pl-5">
          {points.map((point, index) => (
            <li key={point.code} data-hromada={point.code}>
              <HromadaName nameUk={point.nameUk} nameEn={point.nameEn} /> — {statusLabels[point.hostilityStatus]}, {hromadas[index].openNeedsLabel}
              <ul>
                {point.needs.map((need) => <li key={need.id}><Link href={`/needs/${need.id}`}>{need.title}</Link></li>)}
              </ul>
            </li>
          ))}
        </ul>
      </details>}
    </figure>
  );
}
