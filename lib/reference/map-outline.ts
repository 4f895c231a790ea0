import type { Db } from '../db';
import type { HostilityStatus } from '../generated/prisma/enums';

// The map draws Ukraine from the official classifier itself: every hromada's centre as a faint
// dot outlines the country, so the map needs no tile server and no boundary file.

export type MapDot = { latitude: number; longitude: number };

/** A hromada as a map places and names it: its classifier code, names, centre and hostility status. */
export type HromadaPlace = MapDot & { code: string; nameUk: string; nameEn: string; status: HostilityStatus };

export const listHromadaDots = (db: Db): Promise<MapDot[]> =>
  db.hromada.findMany({ select: { latitude: true, longitude: true } });

/**
 * Every hromada whose status is not NONE, for colouring the interactive map's boundaries (a
 * few hundred rows; the map takes NONE for the rest rather than receiving all 1,774).
 */
export async function listHromadaStatuses(db: Db): Promise<Record<string, HostilityStatus>> {
  const rows = await db.hromada.findMany({ where: { hostilityStatus: { not: 'NONE' } }, select: { code: true, hostilityStatus: true } });
  return Object.fromEntries(rows.map((row) => [row.code, row.hostilityStatus]));
}
