import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db';
import type { HostilityStatus } from '../generated/prisma/enums';
import type { NeedMapPoint } from './public-needs';
import { PUBLIC_NEED_WHERE } from './public-needs';

// The dashboard's map counts: how many public needs each hromada and each oblast has open, and
// nothing of the needs themselves. The public map (`/needs?view=map`, cached for everyone) lists
// the titles; a signed-in page is rendered per view, so on a national-scale world (≈ 1,300
// hromadas, 3,000 needs) handing every title to the page cost ≈ 3 MB and 300 ms of CPU a view.

export type OblastNeedCount = { code: string; nameUk: string; nameEn: string; hromadas: number; openNeeds: number };

export type OpenNeedCounts = {
  /** Map points without need titles (`needs` is empty); `oblastCode` says where the popup's link leads. */
  hromadas: NeedMapPoint[];
  /** Oblasts with open needs, the most needs first. */
  oblasts: OblastNeedCount[];
};

type Row = NeedMapPoint & { oblastNameUk: string; oblastNameEn: string };

/**
 * Hromadas with public open needs (the public lists' rule, PUBLIC_NEED_WHERE), each with its count
 * `c.open_needs`, its hromada `h` and oblast `o`: what both counts below read.
 */
const publicOpenNeedsPerHromada = Prisma.sql`(
      SELECT n."hromadaCode", count(*) AS open_needs
      FROM "Need" n JOIN "Municipality" m ON m.id = n."municipalityId"
      WHERE n.status = ${PUBLIC_NEED_WHERE.status}::"NeedStatus" AND m."verificationStatus" = ${PUBLIC_NEED_WHERE.municipality.verificationStatus}::"VerificationStatus"
      GROUP BY n."hromadaCode"
    ) c
    JOIN "Hromada" h ON h.code = c."hromadaCode"
    JOIN "Oblast" o ON o.code = h."oblastCode"`;

/**
 * One statement: the public needs counted per hromada (open, posted by a verified municipality:
 * PUBLIC_NEED_WHERE, held to the public map's points by tests/integration/journey-reads.test.ts),
 * joined to the hromada and its oblast. Prisma's groupBy and two `IN (…1,300 codes)` look-ups cost
 * ≈ 20 ms of CPU on a national-scale world.
 */
export async function countOpenNeedsByHromada(db: Db): Promise<OpenNeedCounts> {
  const rows = await db.$queryRaw<Omit<Row, 'needs'>[]>`
    SELECT h.code, h."nameUk", h."nameEn", h.latitude, h.longitude, h."hostilityStatus"::text AS "hostilityStatus",
           h."oblastCode", o."nameUk" AS "oblastNameUk", o."nameEn" AS "oblastNameEn", c.open_needs::int AS "openNeeds"
    FROM ${publicOpenNeedsPerHromada}
    ORDER BY h."nameEn", h.code`;
  const oblasts = new Map<string, OblastNeedCount>();
  const hromadas = rows.map(({ oblastNameUk, oblastNameEn, ...hromada }) => {
    const counted = oblasts.get(hromada.oblastCode) ?? { code: hromada.oblastCode, nameUk: oblastNameUk, nameEn: oblastNameEn, hromadas: 0, openNeeds: 0 };
    counted.hromadas += 1;
    counted.openNeeds += hromada.openNeeds;
    oblasts.set(hromada.oblastCode, counted);
    return { ...hromada, needs: [] };
  });
  return {
    hromadas,
    oblasts: [...oblasts.values()].sort(byMostNeeds),
  };
}

/** What the dashboard shows of the map's counts: the oblasts (as above) and how many hromadas have open needs per hostility status (the legend). */
export type DashboardNeedCounts = { oblasts: OblastNeedCount[]; hromadasByStatus: Partial<Record<HostilityStatus, number>> };

/**
 * The dashboard's counts without a row per hromada: the same public needs as
 * `countOpenNeedsByHromada`, summed per oblast and per status in the database. Its picture and
 * interactive map read the hromadas from their routes, so the page needs only these sums;
 * reading the ≈ 1,200 hromadas of a national-scale world into every view was work for nothing.
 */
export async function countOpenNeedsByOblast(db: Db): Promise<DashboardNeedCounts> {
  const rows = await db.$queryRaw<{ byStatus: boolean; code: string | null; nameUk: string | null; nameEn: string | null; hostilityStatus: HostilityStatus | null; hromadas: number; openNeeds: number }[]>`
    SELECT GROUPING(h."oblastCode") = 1 AS "byStatus", h."oblastCode" AS code, min(o."nameUk") AS "nameUk", min(o."nameEn") AS "nameEn",
           h."hostilityStatus"::text AS "hostilityStatus", count(*)::int AS hromadas, sum(c.open_needs)::int AS "openNeeds"
    FROM ${publicOpenNeedsPerHromada}
    GROUP BY GROUPING SETS ((h."oblastCode"), (h."hostilityStatus"))`;
  const oblasts: OblastNeedCount[] = [];
  const hromadasByStatus: Partial<Record<HostilityStatus, number>> = {};
  for (const row of rows) {
    if (row.byStatus) hromadasByStatus[row.hostilityStatus!] = row.hromadas;
    else oblasts.push({ code: row.code!, nameUk: row.nameUk!, nameEn: row.nameEn!, hromadas: row.hromadas, openNeeds: row.openNeeds });
  }
  return { oblasts: oblasts.sort(byMostNeeds), hromadasByStatus };
}

/**
 * The public map's oblasts: its points (already filtered as the map is) summed per oblast, named
 * from `oblasts` (listOblasts). Its rows, and their order, are the dashboard's.
 */
export function countMapPointsByOblast(points: readonly NeedMapPoint[], oblasts: readonly { code: string; nameUk: string; nameEn: string }[]): OblastNeedCount[] {
  const counted = new Map<string, OblastNeedCount>();
  const named = new Map(oblasts.map((oblast) => [oblast.code, oblast]));
  for (const point of points) {
    const oblast = counted.get(point.oblastCode) ?? { ...named.get(point.oblastCode)!, code: point.oblastCode, hromadas: 0, openNeeds: 0 };
    oblast.hromadas += 1;
    oblast.openNeeds += point.openNeeds;
    counted.set(point.oblastCode, oblast);
  }
  return [...counted.values()].sort(byMostNeeds);
}

/** Oblasts with the most open needs first, then by English name. */
function byMostNeeds(a: OblastNeedCount, b: OblastNeedCount): number {
  return b.openNeeds - a.openNeeds || a.nameEn.localeCompare(b.nameEn);
}
