import type { HostilityStatus } from '@/lib/generated/prisma/enums';

// One colour per hostility status for the map's fills (Leaflet and the SVG fallback take a colour,
// not a class), the same as the design system's --color-hostility-*-fill tokens, so map, legend
// and badges agree. Ordered from calm to severe.
export const HOSTILITY_COLOURS: Record<HostilityStatus, string> = {
  NONE: '#2e8b57',
  POSSIBLE_HOSTILITIES: '#d4a000',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: '#e06a00',
  ACTIVE_HOSTILITIES: '#c62828',
  TEMPORARILY_OCCUPIED: '#5b3f8c',
};

/** The boundaries file the map loads (public/maps; its edition in the name, cached for a year). */
export const HROMADA_SHAPES_URL = '/maps/hromadas-2026-01-17.topojson';
