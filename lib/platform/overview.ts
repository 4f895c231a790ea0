import type { Db } from '../db';
import type { SectorCode } from '../generated/prisma/client';
import { getListInForce, type ListInForce } from '../hostility-list/list-in-force';
import { lastRolledDay } from '../hostility-list/roll-forward';
import { SECTORS } from '../reference/sectors';
import { PUBLIC_COMPANY_WHERE } from '../companies/public-companies';
import { PUBLIC_NEED_WHERE } from '../needs/public-needs';

export type PlatformOverview = {
  companies: number;
  hromadasWithNeeds: number;
  hromadasInReference: number;
  openNeeds: number;
  openNeedsBySector: { sector: SectorCode; dacCode: string; count: number }[];
  /** The order the hostility statuses come from, and the day they were rolled forward to. */
  hostilityList: (ListInForce & { day: Date | null }) | null;
};

/** The figures the home page shows to prove the platform is alive. */
export async function getPlatformOverview(db: Db): Promise<PlatformOverview> {
  const [companies, bySector, hromadasWithNeeds, hromadasInReference, list, day] = await Promise.all([
    db.company.count({ where: PUBLIC_COMPANY_WHERE }),
    db.need.groupBy({ by: ['sector'], where: PUBLIC_NEED_WHERE, _count: { _all: true } }),
    db.need.findMany({ where: PUBLIC_NEED_WHERE, distinct: ['hromadaCode'], select: { hromadaCode: true } }),
    db.hromada.count(),
    getListInForce(db),
    lastRolledDay(db),
  ]);
  const counts = new Map(bySector.map((row) => [row.sector, row._count._all]));
  const openNeedsBySector = SECTORS.map(({ code, dacCode }) => ({
    sector: code,
    dacCode,
    count: counts.get(code) ?? 0,
  })).sort((a, b) => b.count - a.count);
  return {
    companies,
    hromadasWithNeeds: hromadasWithNeeds.length,
    hromadasInReference,
    openNeeds: openNeedsBySector.reduce((sum, row) => sum + row.count, 0),
    openNeedsBySector,
    hostilityList: list ? { ...list, day } : null,
  };
}
