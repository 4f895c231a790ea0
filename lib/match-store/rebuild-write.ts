import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { poolOf, type Db } from '../db';
import { TAKE_REBUILD_LOCK } from './rebuild-lock';
import { logError } from '../logging/log';
import { createCopy, dropRetired, indexCopy, lockTable, readDefinition, swapIn } from './table-swap';
import { NOBODY_ACTED_ON, type MatchRow } from './write';
import { pointsAsText } from './points-text';
import { READER_PAGE_TAG } from '../cache/page-cache-tags.mjs';

// Writing a rebuild: every list at once, in one transaction on one connection, so that readers
// see the old lists until the new ones are whole. The rows travel by COPY into a temporary
// staging table (no WAL, no index, no per-statement parameters); "Match" is then written anew
// beside the old one and swapped in (table-swap.ts): its rows are inserted into a table with no
// index, foreign key or trigger, which are then built by sorting and checked in one pass each.
// Merged into "Match" row by row instead, 1.5 M rows cost 93 s at national scale, 59 % of it in
// the three foreign keys' per-row checks (docs/benchmarks/matching.md, session 12). A pair whose
// content did not change keeps its row as it was (id, status, timestamps: decision 014).

/** A list's floor; a company's list also its last need (null while it has room). */
export type ListFloor = { id: string; floor: number; last?: string | null };

export type RebuildWrite = {
  /** The rows, in chunks made while the previous one is sent. */
  rows: Iterable<MatchRow[]>;
  needFloors: ListFloor[];
  companyFloors: ListFloor[];
  policyVersion: number;
  /** YYYY-MM-DD, the Kyiv day judged on. */
  judgedOn: string;
  /**
   * A pair somebody acted on that no list holds any more keeps its row (and status); its score
   * and points follow the new policy: score 0 and no points when it is excluded or a side left.
   */
  rescore: (needId: string, companyId: string) => { score: number; points: number[] };
};

/** Milliseconds per step, for the benchmark. */
export type RebuildWriteSteps = {
  stage: number; decided: number; rows: number; indexes: number;
  /** Foreign keys, triggers, floors, the renames, the review queue's count: every try of it. */
  swap: number; swapTries: number; commit: number;
  /** Dropping the old table after the commit. */
  retire: number;
};

export const STAGE_TABLE = `CREATE TEMPORARY TABLE rebuilt_match ("needId" uuid, "companyId" uuid, score int, points smallint[],
  "inNeedTop" boolean, "inCompanyTop" boolean) ON COMMIT DROP`;

const STALE = `NOT EXISTS (SELECT 1 FROM rebuilt_match s WHERE s."needId" = "Match"."needId" AND s."companyId" = "Match"."companyId")`;
const NOBODY = NOBODY_ACTED_ON.text;

const CONTENT = ['score', 'points', '"judgedOn"', '"policyVersion"', '"inNeedTop"', '"inCompanyTop"'];

/**
 * The new table's rows, from the staged pairs ($1 the day judged on, $2 the policy version) and the
 * old table: a staged pair keeps its old row's id, status and every column the rebuild does not
 * write, and its timestamps unless its content changed; a pair no list holds any more goes, unless
 * somebody acted on it: then it stays, off every list, at 0 until re-ranked. Columns are listed
 * from the catalogue (`columns`), so one a migration adds is carried over from the old row.
 */
export function nextRows(next: string, columns: { name: string; fallback: string | null }[]): string {
  const staged = 's."needId" IS NOT NULL';
  const known = '"Match".id IS NOT NULL';
  const changed = `(${CONTENT.map((c) => `"Match".${c}`).join(', ')}) IS DISTINCT FROM (s.score, s.points, $1::date, $2::int, s."inNeedTop", s."inCompanyTop")`;
  const written: Record<string, string> = {
    id: 'COALESCE("Match".id, uuidv7())',
    needId: 'COALESCE(s."needId", "Match"."needId")',
    companyId: 'COALESCE(s."companyId", "Match"."companyId")',
    score: `CASE WHEN ${staged} THEN s.score ELSE 0 END`,
    points: `CASE WHEN ${staged} THEN s.points ELSE '{}' END`,
    judgedOn: '$1::date',
    policyVersion: '$2::int',
    inNeedTop: 'COALESCE(s."inNeedTop", false)',
    inCompanyTop: 'COALESCE(s."inCompanyTop", false)',
    computedAt: `CASE WHEN ${staged} AND (NOT ${known} OR ${changed}) THEN now() ELSE "Match"."computedAt" END`,
    updatedAt: `CASE WHEN ${staged} AND (NOT ${known} OR ${changed}) THEN now() ELSE "Match"."updatedAt" END`,
  };
  const value = ({ name, fallback }: { name: string; fallback: string | null }) =>
    written[name] ?? `CASE WHEN ${known} THEN "Match"."${name}" ELSE ${fallback ?? 'NULL'} END`;
  return `INSERT INTO "${next}" (${columns.map((c) => `"${c.name}"`).join(', ')})
    SELECT ${columns.map(value).join(',\n      ')}
    FROM "Match" FULL JOIN rebuilt_match s ON s."needId" = "Match"."needId" AND s."companyId" = "Match"."companyId"
    WHERE ${staged} OR NOT (${NOBODY})
    ORDER BY ${written.needId}, ${written.companyId}`;
}

const ROWS_PER_CHUNK = 10_000;

function* matchLines(chunks: Iterable<readonly MatchRow[]>): Generator<string> {
  for (const rows of chunks) {
    let text = '';
    for (const r of rows) {
      text += `${r.needId}\t${r.companyId}\t${r.score}\t${pointsAsText(r.points)}\t${r.inNeedTop ? 't' : 'f'}\t${r.inCompanyTop ? 't' : 'f'}\n`;
    }
    yield text;
  }
}

function* floorLines(side: 'N' | 'C', floors: readonly ListFloor[]): Generator<string> {
  for (let i = 0; i < floors.length; i += ROWS_PER_CHUNK) {
    yield floors.slice(i, i + ROWS_PER_CHUNK).map((f) => `${side}\t${f.id}\t${f.floor}\t${f.last ?? '\\N'}\n`).join('');
  }
}

async function copyInto(client: PoolClient, table: string, lines: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(lines), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
}

/** Drops the old tables swaps left; never fails the rebuild (one left is dropped by the next). */
async function retireOldTables(client: PoolClient): Promise<void> {
  try {
    const left = await dropRetired(client, 'Match');
    if (left.length > 0) logError('matching.rebuild.retire', new Error(`Left for the next rebuild, their tables busy: ${left.join(', ')}`));
  } catch (error) {
    logError('matching.rebuild.retire', error);
  }
}

export async function writeRebuild(db: Db, input: RebuildWrite): Promise<RebuildWriteSteps> {
  const client = await poolOf(db).connect();
  const steps: RebuildWriteSteps = { stage: 0, decided: 0, rows: 0, indexes: 0, swap: 0, swapTries: 0, commit: 0, retire: 0 };
  let at = performance.now();
  const step = (name: Exclude<keyof RebuildWriteSteps, 'swapTries'>) => {
    const now = performance.now();
    steps[name] = now - at;
    at = now;
  };
  try {
    // An old table an earlier rebuild could not drop in time goes now, if it can.
    await retireOldTables(client);
    await client.query('BEGIN');
    // Sorting 1.5 M staged rows, building indexes and hashing for the joins, in memory.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // Other writers of "Match" wait for the commit at their first statement (rebuild-lock.ts); readers
    // go on with the old lists.
    await client.query(TAKE_REBUILD_LOCK);
    await lockTable(client, 'Match');
    const definition = await readDefinition(client, 'Match');
    await client.query(STAGE_TABLE);
    await copyInto(client, 'rebuilt_match', matchLines(input.rows));
    step('stage');

    // Pairs somebody acted on that no list holds any more: scored again, off every list.
    const decided = await client.query<{ needId: string; companyId: string }>(
      `SELECT "needId", "companyId" FROM "Match" WHERE ${STALE} AND NOT (${NOBODY})`,
    );
    const rescored = decided.rows.map(({ needId, companyId }) => ({
      needId, companyId, ...input.rescore(needId, companyId), inNeedTop: false, inCompanyTop: false,
    }));
    if (rescored.length > 0) await copyInto(client, 'rebuilt_match', matchLines([rescored]));
    await client.query('ANALYZE rebuilt_match');
    step('decided');

    const next = await createCopy(client, definition);
    const columns = await client.query<{ name: string; fallback: string | null }>(
      `SELECT a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS fallback
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = '"Match"'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`);
    await client.query(nextRows(next, columns.rows), [input.judgedOn, input.policyVersion]);
    step('rows');

    await indexCopy(client, definition);
    step('indexes');

    await client.query(`CREATE TEMPORARY TABLE rebuilt_floor (side char, id uuid, floor int, last uuid) ON COMMIT DROP`);
    await copyInto(client, 'rebuilt_floor', [...floorLines('N', input.needFloors), ...floorLines('C', input.companyFloors)]);
    await client.query('ANALYZE rebuilt_floor');
    // The floors are written after the foreign keys have locked "Need" and "Company" against
    // writers, never before: a need's editor waiting for a floor's row lock would hold the table
    // lock the foreign key waits for. From the foreign keys to the commit, needs and companies
    // are not edited; from the renames to the commit, matches are not read (table-swap.ts).
    const { tries } = await swapIn(client, definition, {
      beforeSwap: async () => {
        // Every list's floor (-1 while it has room); a list the rebuild did not produce has room.
        // A company's last need goes with its floor, in the same statement (null with -1). No
        // re-rank writes these meanwhile: they wait for the rebuild's lock (rebuild-lock.ts).
        const lists = [['N', '"Need"', 'id', null], ['C', '"CompanyMatchProfile"', '"companyId"', '"matchFloorNeedId"']] as const;
        for (const [side, table, key, lastId] of lists) {
          const [set, changed, reset] = lastId
            ? [`"matchFloor" = f.floor, ${lastId} = f.last`, `(t."matchFloor", t.${lastId}) IS DISTINCT FROM (f.floor, f.last)`, `, ${lastId} = NULL`]
            : [`"matchFloor" = f.floor`, `t."matchFloor" <> f.floor`, ''];
          await client.query(`UPDATE ${table} t SET ${set} FROM rebuilt_floor f WHERE f.side = '${side}' AND t.${key} = f.id AND ${changed}`);
          await client.query(`UPDATE ${table} t SET "matchFloor" = -1${reset} WHERE t."matchFloor" <> -1
            AND NOT EXISTS (SELECT 1 FROM rebuilt_floor f WHERE f.side = '${side}' AND f.id = t.${key})`);
        }
      },
      afterSwap: async () => {
        await client.query('SELECT review_slice_count_recount()');
        // The copy was filled before it had the table's triggers, so nothing marked the signed-in
        // pages' tag for its rows (migration 20261204093000_reader_page_cache): marked here, in the
        // swap's transaction, as the trigger would have. (The floors' updates above mark it today
        // too, through "Need"'s trigger; the rows must not depend on them.)
        await client.query(`INSERT INTO "PageCacheTag" ("tag", "txid", "invalidatedAt") VALUES ($1, txid_current(), clock_timestamp())
          ON CONFLICT ("tag", "txid") DO UPDATE SET "invalidatedAt" = EXCLUDED."invalidatedAt"`, [READER_PAGE_TAG]);
      },
    });
    steps.swapTries = tries;
    step('swap');
    await client.query('COMMIT');
    step('commit');
    await retireOldTables(client);
    step('retire');
    return steps;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
