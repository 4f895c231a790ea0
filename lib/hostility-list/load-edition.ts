import { createHash } from 'node:crypto';
import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { parseInput } from '../validation';
import { isoDay, kyivDay } from './calendar';
import { ORDER_IN_FORCE_FIRST } from './list-in-force';
import { parseHostilityTable, type LineError } from './parse';
import { resolveRows, type PeriodRow } from './resolve';
import {
  applyHostilityListFormSchema, applyHostilityListSchema, hostilityListFormSchema, hostilityListSchema,
  type HostilityListInput, type HostilityListPreview,
} from './load-edition-schema';
import { rollForwardInTransaction } from './roll-forward';
import { announceSecurityWatch } from '../security-watch/announce';

// An ADMIN loads an order of the Ministry: a whole new EDITION of the hostilities list, or an
// AMENDMENT naming only the rows it adds, changes or removes (docs/decisions/012). Two steps:
// preview (everything applied in a transaction that is rolled back, so the preview is exactly
// what apply will do) and apply, which must carry the preview's checksum: if the list moved in
// between (another order applied) or the table differs, the checksum differs and apply refuses.

class Rollback extends Error {
  constructor(readonly preview: HostilityListPreview) { super('preview'); }
}

async function readTable(db: Pick<Db, 'oblast' | 'raion' | 'hromada' | 'katottgCodeChange'>, table: string): Promise<{ rowsRead: number; periods: PeriodRow[] }> {
  const parsed = parseHostilityTable(table);
  const resolved = parsed.errors.length ? { periods: [], errors: [] } : await resolveRows(db, parsed.rows);
  const errors = [...parsed.errors, ...resolved.errors];
  if (errors.length) throw tableErrors(errors);
  return { rowsRead: parsed.rows.length, periods: resolved.periods };
}

function tableErrors(errors: LineError[]): AppError {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const shown = sorted.slice(0, 200);
  // The form lists them as "line N: why", one field error per line of the table.
  const fieldErrors = Object.fromEntries(shown.map((e) => [`hostilityTable.${e.line}`, `hostilityList.rowError.${e.problem}`]));
  return new AppError('VALIDATION', 'The table has rows the platform cannot take', { reason: 'hostilityTableRejected', lines: shown, total: sorted.length, fieldErrors });
}

/** Binds the preview to the table read and to the list it was made against. */
function checksumOf(input: HostilityListInput, periods: PeriodRow[], basedOn: number | null): string {
  const body = JSON.stringify({ kind: input.kind, orderNumber: input.orderNumber, orderDate: input.orderDate, source: input.source, basedOn, periods });
  return createHash('sha256').update(body).digest('hex');
}

/** Writes the order into the list (see docs/decisions/012 for the semantics) and returns the counts. */
async function writeEdition(tx: Prisma.TransactionClient, editionId: number, kind: HostilityListInput['kind'], periods: PeriodRow[]) {
  const incoming = JSON.stringify(periods);
  await tx.$executeRaw`
    CREATE TEMP TABLE incoming_period ON COMMIT DROP AS
    SELECT line, hromada_code, territory_code, territory_level::"TerritoryLevel" AS territory_level, territory_name,
           status::"HostilityStatus" AS status, start_date::date AS start_date, NULLIF(end_date, '')::date AS end_date, action
    FROM json_to_recordset(${incoming}::json)
      AS r(line int, hromada_code text, territory_code text, territory_level text, territory_name text, status text, start_date text, end_date text, action text)`;
  const unmatched = await tx.$queryRaw<{ line: number }[]>`
    SELECT DISTINCT i.line FROM incoming_period i
    WHERE i.action = 'REMOVE' AND NOT EXISTS (
      SELECT 1 FROM "HostilityPeriod" p WHERE p."hromadaCode" = i.hromada_code AND p."territoryCode" = i.territory_code
        AND p.status = i.status AND p."startDate" = i.start_date)
    ORDER BY i.line`;
  if (unmatched.length) throw tableErrors(unmatched.map(({ line }) => ({ line, problem: 'removesNothing' })));

  // Rows the order changes or drops go to history first, with the edition that had set them.
  const sameKey = `i.hromada_code = p."hromadaCode" AND i.territory_code = p."territoryCode" AND i.status = p.status AND i.start_date = p."startDate"`;
  const sameValues = `i.end_date IS NOT DISTINCT FROM p."endDate" AND i.territory_name = p."territoryName" AND i.territory_level = p."territoryLevel"`;
  const superseded = kind === 'EDITION'
    ? `NOT EXISTS (SELECT 1 FROM incoming_period i WHERE ${sameKey} AND i.action = 'SET' AND ${sameValues})`
    : `EXISTS (SELECT 1 FROM incoming_period i WHERE ${sameKey} AND (i.action = 'REMOVE' OR NOT (${sameValues})))`;
  const archived = await tx.$executeRawUnsafe(`
    INSERT INTO "HostilityPeriodRevision" ("hromadaCode", "territoryCode", "territoryLevel", "territoryName", status, "startDate", "endDate", "editionId", "supersededById")
    SELECT p."hromadaCode", p."territoryCode", p."territoryLevel", p."territoryName", p.status, p."startDate", p."endDate", p."editionId", $1
    FROM "HostilityPeriod" p WHERE ${superseded}`, editionId);
  const removed = await tx.$executeRawUnsafe(kind === 'EDITION'
    ? `DELETE FROM "HostilityPeriod" p WHERE NOT EXISTS (SELECT 1 FROM incoming_period i WHERE ${sameKey} AND i.action = 'SET')`
    : `DELETE FROM "HostilityPeriod" p WHERE EXISTS (SELECT 1 FROM incoming_period i WHERE ${sameKey} AND i.action = 'REMOVE')`);
  const existing = await tx.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) FROM incoming_period i JOIN "HostilityPeriod" p ON ${sameKey} WHERE i.action = 'SET'`);
  // A full edition restates every row, so every row in force now cites it; an amendment cites
  // only the rows it added or changed.
  await tx.$executeRawUnsafe(`
    INSERT INTO "HostilityPeriod" ("hromadaCode", "territoryCode", "territoryLevel", "territoryName", status, "startDate", "endDate", "editionId")
    SELECT hromada_code, territory_code, territory_level, territory_name, status, start_date, end_date, $1
    FROM incoming_period WHERE action = 'SET'
    ON CONFLICT ("hromadaCode", "territoryCode", status, "startDate") DO UPDATE
      SET "endDate" = EXCLUDED."endDate", "territoryName" = EXCLUDED."territoryName", "territoryLevel" = EXCLUDED."territoryLevel",
          "editionId" = CASE WHEN $2 OR "HostilityPeriod"."endDate" IS DISTINCT FROM EXCLUDED."endDate"
                               OR "HostilityPeriod"."territoryName" <> EXCLUDED."territoryName"
                               OR "HostilityPeriod"."territoryLevel" <> EXCLUDED."territoryLevel"
                             THEN EXCLUDED."editionId" ELSE "HostilityPeriod"."editionId" END`, editionId, kind === 'EDITION');
  const sets = periods.filter((p) => p.action === 'SET').length;
  const matched = Number(existing[0].count);
  const changed = archived - removed;
  return { added: sets - matched, changed, removed, unchanged: matched - changed };
}

async function run(db: Db, actor: Actor, input: HostilityListInput, expectedChecksum: string | null, ip: string | null): Promise<HostilityListPreview> {
  const { rowsRead, periods } = await readTable(db, input.hostilityTable);
  const day = kyivDay();
  const work = async (tx: Prisma.TransactionClient): Promise<HostilityListPreview> => {
    // One order at a time: the checksum below is then compared against the list as it stands.
    await tx.$executeRaw`LOCK TABLE "HostilityListEdition" IN SHARE ROW EXCLUSIVE MODE`;
    const latest = await tx.hostilityListEdition.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    const checksum = checksumOf(input, periods, latest?.id ?? null);
    const inForce = await tx.hostilityListEdition.findFirst({ orderBy: ORDER_IN_FORCE_FIRST, select: { orderNumber: true, orderDate: true } });
    const olderThan = inForce && isoDay(inForce.orderDate) > input.orderDate
      ? { orderNumber: inForce.orderNumber, orderDate: isoDay(inForce.orderDate) } : null;
    if (expectedChecksum !== null && expectedChecksum !== checksum) {
      throw new AppError('CONFLICT', 'The list changed since the preview', { reason: 'stalePreview' });
    }
    const edition = await tx.hostilityListEdition.create({
      data: {
        orderNumber: input.orderNumber, orderDate: new Date(`${input.orderDate}T00:00:00Z`), kind: input.kind,
        loadedById: actor.userId, source: input.source, checksum,
      },
    });
    let counts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    const rolled = await rollForwardInTransaction(tx, day, {
      enqueue: expectedChecksum !== null,
      change: async () => { counts = await writeEdition(tx, edition.id, input.kind, periods); },
    });
    const preview: HostilityListPreview = {
      checksum, day: rolled.day, rowsRead, periods: counts, changes: rolled.changes,
      needsAffected: rolled.needIds.length, storedMatchesAffected: rolled.storedMatches, olderThan,
    };
    if (expectedChecksum === null) throw new Rollback(preview);
    // A new order can make a need fit a company that security kept from it: told with the order.
    await announceSecurityWatch(db, tx, rolled);
    await recordAudit(tx, actor, {
      action: input.kind === 'EDITION' ? 'hostilityList.edition' : 'hostilityList.amendment',
      entityType: 'HostilityListEdition',
      entityId: String(edition.id),
      before: { basedOnEditionId: latest?.id ?? null },
      after: {
        orderNumber: input.orderNumber, orderDate: input.orderDate, source: input.source, rowsRead, periods: counts,
        statusChanges: rolled.changes.length, needsRequeued: rolled.needIds.length,
      },
      ip,
    });
    return preview;
  };
  try {
    return await db.$transaction(work, { timeout: 120_000 });
  } catch (error) {
    if (error instanceof Rollback) return error.preview;
    throw error;
  }
}

/**
 * Where the order comes from: the admin form (a request, so a table within MAX_FORM_TABLE_BYTES)
 * or the command line, which reads a full edition from disk.
 */
export type OrderChannel = { viaCommandLine?: boolean };

/** What the order would change, computed by applying it in a transaction that is rolled back. */
export async function previewHostilityList(db: Db, actor: Actor | null, input: unknown, channel: OrderChannel = {}): Promise<HostilityListPreview> {
  requireRole(actor, ['ADMIN']);
  return run(db, actor, parseInput(channel.viaCommandLine ? hostilityListSchema : hostilityListFormSchema, input), null, null);
}

/** Applies the order previewed with `checksum`, in one transaction with its audit row. */
export async function applyHostilityList(
  db: Db, actor: Actor | null, input: unknown, context: { ip: string | null } & OrderChannel = { ip: null },
): Promise<HostilityListPreview> {
  requireRole(actor, ['ADMIN']);
  const { checksum, ...order } = parseInput(context.viaCommandLine ? applyHostilityListSchema : applyHostilityListFormSchema, input);
  return run(db, actor, order, checksum, context.ip);
}
