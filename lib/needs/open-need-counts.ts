import type { Db } from '../db';
import type { NeedMapPoint } from './public-needs';
import { PUBLIC_NEED_WHERE } from './public-needs';

// The dashboard's map counts: how many public needs each hromada and each oblast has open, and
// nothing of the needs themselves. The public map (`/needs?view=map`, cached for everyone) lists
// the titles; a signed-in page is rendered per view, so on a national-scale world (≈ 1,300
// hromadas, 3,000 needs) handing every title to the page cost ≈ 3 MB and 300 ms of CPU a view.

export type OblastNeedCount = { code: string; nameUk: string; nameEn: string; hromadas: number; openNeeds: number };

export type OpenNeedCounts = {
  /** Map points without need titles (`needs` is empty); `oblastCode` says where the popup's link leads. */
  hromadas: (NeedMapPoint & { oblastCode: string })[];
  /** Oblasts with open needs, the most needs first. */
  oblasts: OblastNeedCount[];
};

export async function countOpenNeedsByHromada(db: Db): Promise<OpenNeedCounts> {
  const counts = await db.need.groupBy({ by: ['hromadaCode'], where: PUBLIC_NEED_WHERE, _count: { _all: true } });
  const byCode = new Map(counts.map((row) => [row.hromadaCode, row._count._all]));
  const rows = await db.hromada.findMany({
    where: { code: { in: [...byCode.keys()] } },
    select: {
      code: true, nameUk: true, nameEn: true, latitude: true, longitude: true, hostilityStatus: true, oblastCode: true,
      oblast: { select: { nameUk: true, nameEn: true } },
    },
    orderBy: { nameEn: 'asc' },
  });
  const oblasts = new Map<string, OblastNeedCount>();
  const hromadas = rows.map(({ oblast, ...hromada }) => {
    const openNeeds = byCode.get(hromada.code) ?? 0;
    const counted = oblasts.get(hromada.oblastCode) ?? { code: hromada.oblastCode, ...oblast, hromadas: 0, openNeeds: 0 };
    counted.hromadas += 1;
    counted.openNeeds += openNeeds;
    oblasts.set(hromada.oblastCode, counted);
    return { ...hromada, openNeeds, needs: [] };
  });
  return {
    hromadas,
    oblasts: [...oblasts.values()].sort((a, b) => b.openNeeds - a.openNeeds || a.nameEn.localeCompare(b.nameEn)),
  };
}
