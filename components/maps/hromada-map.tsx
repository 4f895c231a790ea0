import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import { HostilityStatus } from '@/lib/generated/prisma/enums';
import type { MapDot } from '@/lib/reference/map-outline';

// An SVG map drawn on the server: no tiles, no script, works offline. Equirectangular with the
// longitude scaled by cos(48.5°), Ukraine's middle latitude, so the country keeps its shape.

const WEST = 22, EAST = 40.5, NORTH = 52.5, SOUTH = 44.2;
const X_SCALE = Math.cos((48.5 * Math.PI) / 180);
const WIDTH = 800;
const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / ((EAST - WEST) * X_SCALE));

const project = (latitude: number, longitude: number) => ({
  x: ((longitude - WEST) / (EAST - WEST)) * WIDTH,
  y: ((NORTH - latitude) / (NORTH - SOUTH)) * HEIGHT,
});

/**
 * The faint outline dots as one path of small discs rather than ~1,500 <circle> elements: the
 * same picture, but one element for React to render instead of one per hromada.
 */
function outlinePath(dots: MapDot[]): string {
  const parts: string[] = [];
  for (const dot of dots) {
    const { x, y } = project(dot.latitude, dot.longitude);
    parts.push(`M${(x - 2).toFixed(1)} ${y.toFixed(1)}a2 2 0 1 0 4 0a2 2 0 1 0-4 0`);
  }
  return parts.join('');
}

export type MapPoint = MapDot & { code: string; nameUk: string; nameEn: string; hostilityStatus: HostilityStatus; openNeeds: number };

const HOSTILITY_FILL: Record<HostilityStatus, string> = {
  NONE: 'fill-hostility-none-fill',
  POSSIBLE_HOSTILITIES: 'fill-hostility-possible-fill',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 'fill-hostility-services-fill',
  ACTIVE_HOSTILITIES: 'fill-hostility-active-fill',
  TEMPORARILY_OCCUPIED: 'fill-hostility-occupied-fill',
};
const HOSTILITY_SWATCH: Record<HostilityStatus, string> = {
  NONE: 'bg-hostility-none-fill',
  POSSIBLE_HOSTILITIES: 'bg-hostility-possible-fill',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: 'bg-hostility-services-fill',
  ACTIVE_HOSTILITIES: 'bg-hostility-active-fill',
  TEMPORARILY_OCCUPIED: 'bg-hostility-occupied-fill',
};

export function HromadaMap({ dots, points, title }: { dots: MapDot[]; points: MapPoint[]; title: string }) {
  const t = useTranslations();
  const counts = new Map<HostilityStatus, number>();
  for (const point of points) counts.set(point.hostilityStatus, (counts.get(point.hostilityStatus) ?? 0) + 1);
  // Thousands of points share five statuses and a few need counts: format each label once per
  // render rather than once per point (each is an ICU message format).
  const statuses = Object.values(HostilityStatus);
  const hostilityLabel = Object.fromEntries(statuses.map((status) => [status, t(`hostility.${status}`)])) as Record<HostilityStatus, string>;
  const pointClass = Object.fromEntries(statuses.map((status) => [status, cn('map-point stroke-white stroke-[1.5] opacity-90', HOSTILITY_FILL[status])])) as Record<HostilityStatus, string>;
  const needsLabels = new Map<number, string>();
  const needsLabel = (count: number) => {
    if (!needsLabels.has(count)) needsLabels.set(count, t('map.openNeeds', { count }));
    return needsLabels.get(count)!;
  };
  return (
    <figure className="m-0 min-w-0 [&_svg]:h-auto [&_svg]:w-full [&_svg]:max-w-4xl [&_svg]:rounded-lg [&_svg]:border [&_svg]:border-line [&_svg]:bg-paper">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="map-title" data-testid="hromada-map">
        <title id="map-title">{title}</title>
        <path className="fill-[#c7ccd6]" d={outlinePath(dots)} />
        <g>
          {points.map((point) => {
            const { x, y } = project(point.latitude, point.longitude);
            return (
              <circle
                key={point.code}
                className={pointClass[point.hostilityStatus]}
                data-hromada={point.code}
                cx={x.toFixed(1)}
                cy={y.toFixed(1)}
                r={5 + Math.min(point.openNeeds, 6)}
              >
                <title>{`${point.nameUk} (${point.nameEn}): ${needsLabel(point.openNeeds)} · ${hostilityLabel[point.hostilityStatus]}`}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul className="m-0 flex list-none flex-wrap gap-x-5 gap-y-2 p-0">
          {Object.values(HostilityStatus).map((status) => (
            <li key={status}>
              <span className={cn('mr-1.5 inline-block size-3.5 rounded-full align-[-0.1rem]', HOSTILITY_SWATCH[status])} aria-hidden="true" />
              {t(`hostility.${status}`)}: {t('map.hromadas', { count: counts.get(status) ?? 0 })}
            </li>
          ))}
        </ul>
        <p className="text-sm text-muted">{t('map.source')}</p>
      </figcaption>
    </figure>
  );
}
