import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { HostilityStatus } from '../generated/prisma/enums';
import { isoDay } from '../hostility-list/calendar';
import { SEVERITY } from '../matching/site-security';

// What stands in the way of a site: the periods of the official list in force on the day at the
// site's status, since when, until when if the order says, and which order set them.

export type Obstacle = {
  status: HostilityStatus;
  /** The earliest start among the periods in force at that status. */
  since: string;
  /** The last day in force, when every such period has an end; null when any is open-ended. */
  until: string | null;
  territories: string[];
  edition: { orderNumber: string; orderDate: string } | null;
};

type Executor = Pick<Db, 'hostilityPeriod'> | Pick<Prisma.TransactionClient, 'hostilityPeriod'>;

export async function loadObstacles(db: Executor, hromadaCodes: string[], day: Date): Promise<Map<string, Obstacle>> {
  if (hromadaCodes.length === 0) return new Map();
  const periods = await db.hostilityPeriod.findMany({
    where: { hromadaCode: { in: hromadaCodes }, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] },
    select: { hromadaCode: true, status: true, startDate: true, endDate: true, territoryName: true, edition: { select: { orderNumber: true, orderDate: true } } },
    orderBy: [{ startDate: 'asc' }],
  });
  const out = new Map<string, Obstacle>();
  for (const period of periods) {
    const current = out.get(period.hromadaCode);
    const edition = { orderNumber: period.edition.orderNumber, orderDate: isoDay(period.edition.orderDate) };
    const until = period.endDate ? isoDay(period.endDate) : null;
    if (!current || SEVERITY[period.status] > SEVERITY[current.status]) {
      out.set(period.hromadaCode, { status: period.status, since: isoDay(period.startDate), until, territories: [period.territoryName], edition });
    } else if (period.status === current.status) {
      current.until = current.until === null || until === null ? null : (until > current.until ? until : current.until);
      if (!current.territories.includes(period.territoryName)) current.territories.push(period.territoryName);
      // The latest order among them is the one that states the situation now.
      if (current.edition && edition.orderDate > current.edition.orderDate) current.edition = edition;
    }
  }
  return out;
}
