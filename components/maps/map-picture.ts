import { HostilityStatus } from '@/lib/generated/prisma/enums';
import type { MapDot } from '@/lib/reference/map-outline';
import { discs, dots as dotsPath } from './discs';
import { HOSTILITY_COLOURS } from './hostility-colours';

// The server-drawn map's geometry (hromada-map.tsx draws it in the page), and the same picture as
// an SVG document for the facilitator dashboard, which shows it as an image from
// /api/map/open-need-counts/picture: its discs, one per hromada with open needs, were ≈ 100 KB of
// a national-scale dashboard (in the HTML and again in React's payload), rendered every view.

// Equirectangular with the longitude scaled by cos(48.5°), Ukraine's middle latitude, so the
// country keeps its shape.
const WEST = 22, EAST = 40.5, NORTH = 52.5, SOUTH = 44.2;
const X_SCALE = Math.cos((48.5 * Math.PI) / 180);
export const WIDTH = 800;
export const HEIGHT = Math.round((WIDTH * (NORTH - SOUTH)) / ((EAST - WEST) * X_SCALE));

export const project = (latitude: number, longitude: number) => ({
  x: ((longitude - WEST) / (EAST - WEST)) * WIDTH,
  y: ((NORTH - latitude) / (NORTH - SOUTH)) * HEIGHT,
});

/** Points in bands 20 units high, west to east in each: neighbours, so relative moves stay short. */
export const inBands = (points: { x: number; y: number }[]) =>
  points.sort((a, b) => Math.floor(a.y / 20) - Math.floor(b.y / 20) || a.x - b.x);

type Point = { latitude: number; longitude: number; hostilityStatus: HostilityStatus; openNeeds: number };

/** Every hromada's centre, faint: one path of round caps (discs.ts dots). */
export const centresPath = (dots: MapDot[]) => dotsPath(inBands(dots.map((dot) => project(dot.latitude, dot.longitude))));

/** The hromadas with open needs of one status as one path of discs, larger with more needs. */
export const statusDiscsPath = (points: Point[], status: HostilityStatus) =>
  discs(points.filter((point) => point.hostilityStatus === status).map((point) => ({ ...project(point.latitude, point.longitude), r: 5 + Math.min(point.openNeeds, 6) })));

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The picture hromada-map.tsx draws, as a standalone SVG document; `statusTitle` names each status's discs. */
export function mapPictureSvg({ dots, points, title, statusTitle }: {
  dots: MapDot[];
  points: Point[];
  title: string;
  statusTitle: (status: HostilityStatus, hromadas: number) => string;
}): string {
  const counts = new Map<HostilityStatus, number>();
  for (const point of points) counts.set(point.hostilityStatus, (counts.get(point.hostilityStatus) ?? 0) + 1);
  const statuses = Object.values(HostilityStatus).filter((status) => counts.has(status)).map((status) =>
    `<path class="map-points" data-status="${status}" data-hromadas="${counts.get(status)}" fill="${HOSTILITY_COLOURS[status]}" d="${statusDiscsPath(points, status)}"><title>${escapeXml(statusTitle(status, counts.get(status)!))}</title></path>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img"><title>${escapeXml(title)}</title>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<path fill="none" stroke="#c7ccd6" stroke-width="4" stroke-linecap="round" d="${centresPath(dots)}"/>` +
    `<g stroke="#fff" stroke-width="1.5" fill-opacity="0.9">${statuses.join('')}</g></svg>`;
}
