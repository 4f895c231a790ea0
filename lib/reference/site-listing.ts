import type { Db } from '../db';
import type { HostilityStatus } from '../generated/prisma/enums';
import { kyivDay } from '../hostility-list/calendar';
import { readSiteStatus } from '../matching/site-security';

// What the official hostilities list says about one hromada today, for the hromada's own people:
// whether no company can be ranked there (wholly occupied) and, when only some settlements are
// listed, which ones and since when. Read with the engine's own rule (readSiteStatus), so the
// notice and the ranking cannot disagree.

export type ListedSettlement = { code: string; name: string; status: HostilityStatus; since: Date };

export type SiteListing = {
  status: HostilityStatus;
  isWholeHromada: boolean;
  /** No company can be ranked for a need here while this holds (lib/matching/constraints.ts). */
  isWhollyOccupied: boolean;
  /** When the status in force over the whole hromada began; null when only settlements are listed. */
  wholeSince: Date | null;
  /** Settlements listed today, when the list names only some of the hromada. */
  settlements: ListedSettlement[];
};

export async function readSiteListing(db: Db, hromadaCode: string, at = new Date()): Promise<SiteListing> {
  // The list's calendar day in Kyiv, as the engine and the daily roll-forward read it.
  const asOf = kyivDay(at);
  const rows = await db.hostilityPeriod.findMany({
    where: { hromadaCode, startDate: { lte: asOf } },
    orderBy: [{ startDate: 'asc' }, { territoryCode: 'asc' }],
    select: { territoryCode: true, territoryLevel: true, territoryName: true, status: true, startDate: true, endDate: true },
  });
  // The same periods the ranking reads (lib/match-store/inputs.ts loadSites).
  const status = readSiteStatus(
    rows.map((p) => ({ status: p.status, isWholeHromada: p.territoryLevel !== 'SETTLEMENT', start: p.startDate, end: p.endDate })),
    asOf,
  );
  const inForce = (p: { startDate: Date; endDate: Date | null }) => p.startDate <= asOf && (p.endDate === null || p.endDate >= asOf);
  const current = rows.filter(inForce);
  const whole = current.filter((p) => p.territoryLevel !== 'SETTLEMENT' && p.status === status.status);
  return {
    status: status.status,
    isWholeHromada: status.isWholeHromada,
    isWhollyOccupied: status.status === 'TEMPORARILY_OCCUPIED' && status.isWholeHromada,
    wholeSince: status.isWholeHromada && whole.length ? whole[0].startDate : null,
    settlements: status.isWholeHromada ? [] : current
      .filter((p) => p.territoryLevel === 'SETTLEMENT')
      .map((p) => ({ code: p.territoryCode, name: p.territoryName, status: p.status, since: p.startDate })),
  };
}
