import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { HostilityScope, HostilityStatus } from '../generated/prisma/enums';
import { needChanged } from '../match-store/enqueue';
import { rollUpHostilityStatus } from '../reference/load-reference-data';
import { announceSecurityWatch } from '../security-watch/announce';
import { kyivDay } from './calendar';

// Statuses follow the calendar: a period that starts or ends changes a hromada's status on that
// day, not at the next start of the app. Run daily by lib/hostility-list/schedule.ts and after
// every edition or amendment; the day is a parameter so that tests can move the clock.

export type StatusChange = {
  code: string;
  nameUk: string;
  nameEn: string;
  before: { status: HostilityStatus; scope: HostilityScope | null };
  after: { status: HostilityStatus; scope: HostilityScope | null };
};
export type RollForward = { day: string; changes: StatusChange[]; needIds: string[]; storedMatches: number };

type Snapshot = Map<string, { status: HostilityStatus; scope: HostilityScope | null; nameUk: string; nameEn: string }>;

async function snapshot(tx: Prisma.TransactionClient): Promise<Snapshot> {
  const rows = await tx.hromada.findMany({ select: { code: true, hostilityStatus: true, hostilityScope: true, nameUk: true, nameEn: true } });
  return new Map(rows.map((h) => [h.code, { status: h.hostilityStatus, scope: h.hostilityScope, nameUk: h.nameUk, nameEn: h.nameEn }]));
}

/**
 * Rolls the statuses up as of `day` inside `tx`, runs `change` first if given (an edition being
 * applied), and lists what moved. With `enqueue`, every open need of a hromada whose status moved
 * is queued for re-ranking in the same transaction.
 */
export async function rollForwardInTransaction(
  tx: Prisma.TransactionClient,
  day: Date,
  options: { enqueue: boolean; change?: () => Promise<void> },
): Promise<RollForward> {
  const before = await snapshot(tx);
  await options.change?.();
  await rollUpHostilityStatus(tx, day);
  const after = await snapshot(tx);
  const changes: StatusChange[] = [];
  for (const [code, now] of after) {
    const was = before.get(code);
    if (!was || (was.status === now.status && was.scope === now.scope)) continue;
    changes.push({ code, nameUk: now.nameUk, nameEn: now.nameEn, before: { status: was.status, scope: was.scope }, after: { status: now.status, scope: now.scope } });
  }
  changes.sort((a, b) => a.code.localeCompare(b.code));
  const codes = changes.map((c) => c.code);
  const needs = codes.length
    ? await tx.need.findMany({ where: { hromadaCode: { in: codes }, status: 'OPEN' }, select: { id: true }, orderBy: { id: 'asc' } })
    : [];
  const needIds = needs.map((n) => n.id);
  const storedMatches = needIds.length ? await tx.match.count({ where: { needId: { in: needIds } } }) : 0;
  if (options.enqueue) for (const needId of needIds) await needChanged(tx, needId);
  const queued = options.enqueue ? needIds.length : 0;
  await tx.hostilityRollForward.upsert({
    where: { day },
    create: { day, statusChanges: changes.length, needsQueued: queued },
    update: { rolledAt: new Date(), statusChanges: { increment: changes.length }, needsQueued: { increment: queued } },
  });
  return { day: day.toISOString().slice(0, 10), changes, needIds, storedMatches };
}

/**
 * The daily job: statuses as of `day` (Kyiv's today by default), needs re-ranked where they
 * moved, and companies that security alone kept from a need told when it now fits them.
 */
export async function rollStatusesForward(db: Db, day: Date = kyivDay()): Promise<RollForward> {
  return db.$transaction(async (tx) => {
    const rolled = await rollForwardInTransaction(tx, day, { enqueue: true });
    await announceSecurityWatch(db, tx, rolled);
    return rolled;
  }, { timeout: 60_000 });
}

/** The last day the statuses were rolled forward to, or null before the first roll. */
export async function lastRolledDay(db: Pick<Db, 'hostilityRollForward'>): Promise<Date | null> {
  return (await db.hostilityRollForward.findFirst({ orderBy: { day: 'desc' }, select: { day: true } }))?.day ?? null;
}
