import type { Db } from '../db';

// The map draws Ukraine from the official classifier itself: every hromada's centre as a faint
// dot outlines the country, so the map needs no tile server and no boundary file.

export type MapDot = { latitude: number; longitude: number };

export const listHromadaDots = (db: Db): Promise<MapDot[]> =>
  db.hromada.findMany({ select: { latitude: true, longitude: true } });
