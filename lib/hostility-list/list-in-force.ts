import type { Db } from '../db';
import type { HostilityListEditionKind } from '../generated/prisma/enums';

// Which order the statuses shown come from: the newest edition or amendment loaded. Every place
// that shows a status says "as of Order … of …" from this.

export type ListInForce = { id: number; orderNumber: string; orderDate: Date; kind: HostilityListEditionKind; loadedAt: Date };

export async function getListInForce(db: Pick<Db, 'hostilityListEdition'>): Promise<ListInForce | null> {
  return db.hostilityListEdition.findFirst({
    orderBy: { id: 'desc' },
    select: { id: true, orderNumber: true, orderDate: true, kind: true, loadedAt: true },
  });
}

/** Every order loaded, newest first: the list's history, for the admin page. */
export async function listEditions(db: Pick<Db, 'hostilityListEdition'>, take = 50) {
  return db.hostilityListEdition.findMany({
    orderBy: { id: 'desc' },
    take,
    select: { id: true, orderNumber: true, orderDate: true, kind: true, loadedAt: true, source: true, _count: { select: { periods: true, superseded: true } } },
  });
}
