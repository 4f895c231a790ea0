import type { HostilityStatus } from '@/lib/generated/prisma/enums';

// One colour per hostility status, shared by the interactive map's fills, its legend and the
// server-drawn fallback, so the three always agree. Ordered from calm to severe; each is dark
// enough for white borders and a 3:1 contrast against the page as a legend swatch.
export const HOSTILITY_COLOURS: Record<HostilityStatus, string> = {
  NONE: '#2e8b57',
  POSSIBLE_HOSTILITIES: '#b38700',
  ACTIVE_HOSTILITIES_WITH_STATE_SERVICES: '#d35f00',
  ACTIVE_HOSTILITIES: '#c62828',
  TEMPORARILY_OCCUPIED: '#5b3f8c',
};

/** The boundaries file the map loads (public/maps; its edition in the name, cached for a year). */
export const HROMADA_SHAPES_URL = '/maps/hromadas-2026-01-17.topojson';
