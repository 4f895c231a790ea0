import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { HostilityListEditionKind } from '../generated/prisma/enums';

// Which order the statuses shown come from: the latest by the order's own date (then the later
// loaded), not the last loaded, since an amendment to an earlier order may be loaded after a
// newer one. Every place that shows a status says "as of Order … of …" from this.

export type ListInForce = { id: number; orderNumber: string; orderDate: Date; kind: HostilityListEditionKind; loadedAt: Date };

/** The one order of precedence for orders: by their date, then by when they were loaded. */
export const ORDER_IN_FORCE_FIRST = [{ orderDate: 'desc' }, { id: 'desc' }] satisfies Prisma.HostilityListEditionOrderByWithRelationInput[];

export async function getListInForce(db: Pick<Db, 'hostilityListEdition'>): Promise<ListInForce | null> {
  return db.hostilityListEdition.findFirst({
    orderBy: ORDER_IN_FORCE_FIRST,
    select: { id: true, orderNumber: true, orderDate: true, kind: true, loadedAt: true },
  });
}

/** Every order loaded, latest first: the list's history, for the ADMIN's page. */
export async function listEditions(db: Pick<Db, 'hostilityListEdition'>, actor: Actor | null, take = 50) {
  requireRole(actor, ['ADMIN']);
  return db.hostilityListEdition.findMany({
    orderBy: ORDER_IN_FORCE_FIRST,
    take,
    select: { id: true, orderNumber: true, orderDate: true, kind: true, loadedAt: true, source: true, _count: { select: { periods: true, superseded: true } } },
  });
}
