import type { Db } from '../db';
import type { HostilityStatus } from '../generated/prisma/enums';
import { listHromadaStatuses, type HromadaPlace } from '../reference/map-outline';
import { countOpenNeedsByHromada } from './open-need-counts';

// What the dashboard's interactive map reads from /api/map/open-need-counts instead of from the
// page: each hromada with public open needs (≈ 1,200 on a national-scale world, ≈ 300 bytes each
// in the page's payload, rendered again for every view) and the hostility statuses it colours
// the others by. Public data — the public needs map shows the same — and the same for every
// reader: the labels are written in the browser, in the reader's language.

export type CountedHromada = HromadaPlace & {
  openNeeds: number;
  /** Where the popup's link leads: the needs list of this oblast. */
  oblastCode: string;
};

export type OpenNeedCountsPayload = {
  hromadas: CountedHromada[];
  /** The codes of each status's hromadas but NONE's (byStatus). */
  statuses: Partial<Record<HostilityStatus, string[]>>;
};

/** A coordinate to five decimals (about a metre), not the classifier's eight: it travels to the browser. */
export const toMetre = (degrees: number) => Math.round(degrees * 1e5) / 1e5;

/**
 * The codes of each status's hromadas: a status named once per group instead of once per
 * hromada (~650 of them) halves their bytes.
 */
export function byStatus(statuses: Record<string, HostilityStatus>): Partial<Record<HostilityStatus, string[]>> {
  const groups: Partial<Record<HostilityStatus, string[]>> = {};
  for (const [code, status] of Object.entries(statuses)) (groups[status] ??= []).push(code);
  return groups;
}

export async function readOpenNeedCountsPayload(db: Db): Promise<OpenNeedCountsPayload> {
  const [counts, statuses] = await Promise.all([countOpenNeedsByHromada(db), listHromadaStatuses(db)]);
  return {
    hromadas: counts.hromadas.map((hromada) => ({
      code: hromada.code, nameUk: hromada.nameUk, nameEn: hromada.nameEn,
      latitude: toMetre(hromada.latitude), longitude: toMetre(hromada.longitude),
      status: hromada.hostilityStatus, openNeeds: hromada.openNeeds, oblastCode: hromada.oblastCode,
    })),
    statuses: byStatus(statuses),
  };
}
