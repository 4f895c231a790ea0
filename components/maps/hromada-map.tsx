import type { ReactNode } from 'react';
import { preload } from 'react-dom';
import { useLocale, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { HostilityStatus } from '@/lib/generated/prisma/enums';
import { getPathname } from '@/lib/i18n/navigation';
import type { NeedMapPoint } from '@/lib/needs/public-needs';
import type { MapDot } from '@/lib/reference/map-outline';
import { ClientMessages } from '@/components/i18n/client-messages';
import { CountedHromadaMap } from './counted-hromada-map';
import { HOSTILITY_COLOURS, HROMADA_SHAPES_URL } from './hostility-colours';
import { centresPath, HEIGHT, statusDiscsPath, WIDTH } from './map-picture';
import { PublicHromadaMap } from './public-hromada-map';

// The map of hromadas with open needs: an interactive map (Leaflet, boundaries from this site,
// its hromadas read from `dataUrl`) where JavaScript runs, the picture drawn on the server where it
// does not (and while the map loads), and in every case `list` (oblast-need-counts.tsx), which is
// the way in for keyboards and screen readers. The page carries no hromada's needs: their number
// grows with the country's, the page's size should not.

// Legend swatches: the design system's tokens, the same colours as HOSTILITY_COLOURS.
const HOSTILITY_SWATCH: Record<HostilityStatus, string> = {
  NONE: 'bg-hostility-none-fill',
  POSSIBLE_HOSTILITIES: 'bg-hostility-possible-fill',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 'bg-hostility-services-fill',
  ACTIVE_HOSTILITIES: 'bg-hostility-active-fill',
  TEMPORARILY_OCCUPIED: 'bg-hostility-occupied-fill',
};

/**
 * Counts instead of titles (the facilitator's dashboard, rendered per view): the interactive map
 * reads counts (counted-hromada-map.tsx), each popup links to its oblast's needs with `linkLabel`.
 */
export type CountedMap = {
  linkLabel: string;
  /** The server-drawn picture as an image (map-picture.ts), kept by the browser, instead of drawn in the page. */
  pictureUrl: string;
  /** Hromadas with open needs per status, for the legend: a counted map is given no points. */
  hromadasByStatus: Partial<Record<HostilityStatus, number>>;
};

export function HromadaMap({ dots, points, dataUrl, list, title, listHref, counted }: {
  dots: MapDot[];
  /** The hromadas with open needs, for the server-drawn picture and the legend (their `needs` are not read). */
  points: NeedMapPoint[];
  /** Where the interactive map reads its hromadas: app/api/map/needs (public), app/api/map/open-need-counts (counted). */
  dataUrl: string;
  /** Under the map: the way in without a pointer. */
  list: ReactNode;
  title: string;
  /** Where "more needs" leads: the needs list with the same filters. */
  listHref: string;
  counted?: CountedMap;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const readsUkrainian = locale === 'uk';
  const counts = new Map<HostilityStatus, number>(counted ? Object.entries(counted.hromadasByStatus) as [HostilityStatus, number][] : []);
  if (!counted) for (const point of points) counts.set(point.hostilityStatus, (counts.get(point.hostilityStatus) ?? 0) + 1);
  const statusLabels = Object.fromEntries(Object.values(HostilityStatus).map((s) => [s, t(`hostility.${s}`)])) as Record<HostilityStatus, string>;
  // The interactive map reads its hromadas and the boundaries once it runs; asked for with the page,
  // they are on their way while the scripts load and hydrate, not one after the other behind them.
  preload(dataUrl, { as: 'fetch', crossOrigin: 'anonymous' });
  preload(HROMADA_SHAPES_URL, { as: 'fetch', crossOrigin: 'anonymous' });
  const needsPath = getPathname({ href: '/needs', locale });
  const moreHref = getPathname({ href: listHref, locale });

  const shared = {
    shapesUrl: HROMADA_SHAPES_URL,
    needsPath,
    moreHref,
    statusLabels,
    readsUkrainian,
    text: {
      label: t('map.label'),
      attribution: t('map.attribution'),
      noNeeds: t('map.noNeeds'),
      zoomIn: t('map.zoomIn'),
      zoomOut: t('map.zoomOut'),
      loadFailed: t('map.loadFailed'),
      closePopup: t('map.closePopup'),
    },
  };
  const picture = counted ? (
    // An image from a route the browser keeps, not next/image: an SVG drawn per world, nothing to resize.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={counted.pictureUrl} alt={title} width={WIDTH} height={HEIGHT} data-testid="hromada-map" className="h-auto w-full max-w-4xl rounded-lg border border-line bg-paper" />
  ) : (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="map-title" data-testid="hromada-map" className="h-auto w-full max-w-4xl rounded-lg border border-line bg-paper">
      <title id="map-title">{title}</title>
      {/* Every hromada's centre, faint, outlines Ukraine: one path of ~1,470 round caps 4 units
          wide (discs of radius 2), the shortest way to write them (discs.ts). */}
      <path fill="none" stroke="#c7ccd6" strokeWidth={4} strokeLinecap="round" d={centresPath(dots)} />
      {/* The hromadas with open needs: one path per hostility status, not one element per
          hromada (≈ 1,300 on a national-scale world), so the page costs the same to render
          wherever the needs are. Each hromada is named in the interactive map's popups, and
          counted in its oblast's row below the map. */}
      <g stroke="#fff" strokeWidth={1.5} fillOpacity={0.9}>
        {Object.values(HostilityStatus).filter((status) => counts.has(status)).map((status) => (
          <path
            key={status}
            className="map-points"
            data-status={status}
            data-hromadas={counts.get(status)}
            fill={HOSTILITY_COLOURS[status]}
            d={statusDiscsPath(points, status)}
          >
            <title>{`${statusLabels[status]}: ${t('map.hromadas', { count: counts.get(status)! })}`}</title>
          </path>
        ))}
      </g>
    </svg>
  );

  return (
    <figure className="m-0 grid min-w-0 gap-3">
      {counted ? (
        <ClientMessages namespaces={['map']}>
          <CountedHromadaMap dataUrl={dataUrl} oblastNeedsPath={needsPath} linkLabel={counted.linkLabel} {...shared}>{picture}</CountedHromadaMap>
        </ClientMessages>
      ) : (
        <PublicHromadaMap dataUrl={dataUrl} {...shared}>{picture}</PublicHromadaMap>
      )}
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
      {list}
    </figure>
  );
}
