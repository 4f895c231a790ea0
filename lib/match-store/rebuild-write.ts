import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { poolOf, type Db } from '../db';
import { NOBODY_ACTED_ON, type MatchRow } from './write';

// Writing a rebuild: every list at once, in one transaction on one connection, so that readers
// see the old lists until the new ones are whole. The rows travel by COPY into a temporary
// staging table (no WAL, no index, no per-statement parameters), then into "Match" in one
// set-based pass in the order of its unique index; a row whose content did not change is not
// rewritten, so a rebuild under an unchanged policy writes next to nothing (decision 014).

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
export type RebuildWriteSteps = { stage: number; decided: number; merge: number; stale: number; floors: number; commit: number };

export const STAGE_TABLE = `CREATE TEMPORARY TABLE rebuilt_match ("needId" uuid, "companyId" uuid, score int, points smallint[],
  "inNeedTop" boolean, "inCompanyTop" boolean) ON COMMIT DROP`;

const STALE = `NOT EXISTS (SELECT 1 FROM rebuilt_match s WHERE s."needId" = "Match"."needId" AND s."companyId" = "Match"."companyId")`;
const NOBODY = NOBODY_ACTED_ON.text;

/** The triggers on "Match" that keep ReviewSliceCount (migration 20261202004853_review_slice_count). */
const REVIEW_COUNT_TRIGGERS = ['Match_review_count_insert', 'Match_review_count_update', 'Match_review_count_delete'];

/** The merge: $1 the day judged on, $2 the policy version. */
export const MERGE = `
  INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "computedAt", "updatedAt")
  SELECT uuidv7(), s."needId", s."companyId", s.score, s.points, $1::date, $2::int, s."inNeedTop", s."inCompanyTop", now(), now()
  FROM rebuilt_match s ORDER BY s."needId", s."companyId"
  ON CONFLICT ("needId", "companyId") DO UPDATE SET
    score = EXCLUDED.score, points = EXCLUDED.points, "judgedOn" = EXCLUDED."judgedOn", "policyVersion" = EXCLUDED."policyVersion",
    "inNeedTop" = EXCLUDED."inNeedTop", "inCompanyTop" = EXCLUDED."inCompanyTop", "computedAt" = now(), "updatedAt" = now()
  WHERE ("Match".score, "Match".points, "Match"."judgedOn", "Match"."policyVersion", "Match"."inNeedTop", "Match"."inCompanyTop")
    IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.points, EXCLUDED."judgedOn", EXCLUDED."policyVersion", EXCLUDED."inNeedTop", EXCLUDED."inCompanyTop")`;

const ROWS_PER_CHUNK = 10_000;

function* matchLines(chunks: Iterable<readonly MatchRow[]>): Generator<string> {
  for (const rows of chunks) {
    let text = '';
    for (const r of rows) {
      text += `${r.needId}\t${r.companyId}\t${r.score}\t{${r.points.join(',')}}\t${r.inNeedTop ? 't' : 'f'}\t${r.inCompanyTop ? 't' : 'f'}\n`;
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

export async function writeRebuild(db: Db, input: RebuildWrite): Promise<RebuildWriteSteps> {
  const client = await poolOf(db).connect();
  const steps: RebuildWriteSteps = { stage: 0, decided: 0, merge: 0, stale: 0, floors: 0, commit: 0 };
  let at = performance.now();
  const step = (name: keyof RebuildWriteSteps) => {
    const now = performance.now();
    steps[name] = now - at;
    at = now;
  };
  try {
    await client.query('BEGIN');
    // Sorting 1.5 M staged rows for the merge, and hashing them for the anti-joins, in memory.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('rebuild-matches'))`);
    // The review queue's count is kept by triggers on "Match"; on a rewrite of most of the table
    // their transition tables cost more than counting once (~10 s of the merge at national scale). Off in
    // this transaction only (rolled back with it), counted again before the commit. The table lock
    // this takes keeps other writers of "Match" waiting until the commit, as the merge's row locks
    // on nearly every row already do.
    await client.query(`ALTER TABLE "Match" ${REVIEW_COUNT_TRIGGERS.map((name) => `DISABLE TRIGGER "${name}"`).join(', ')}`);
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

    // Rows no list holds: gone, unless somebody acted on them since the re-scoring above read
    // the decided pairs — those stay, off every list, at 0 until re-ranked. Before the merge, not
    // after: the merge writes only staged pairs, so the stale rows are the same either way (and no
    // other writer gets in: the triggers' switch above holds a lock that keeps them out until the
    // commit), but here the pass reads the table as it was — nothing at all on a first rebuild,
    // where after the merge it read the 1.5 M rows just written (2.5–6 s at national scale).
    await client.query(
      `WITH stale AS (SELECT id, ${NOBODY} AS nobody FROM "Match" WHERE ${STALE}),
        gone AS (DELETE FROM "Match" m USING stale s WHERE m.id = s.id AND s.nobody)
      UPDATE "Match" m SET "inNeedTop" = false, "inCompanyTop" = false, score = 0, points = '{}', "judgedOn" = $1::date, "policyVersion" = $2::int
      FROM stale s WHERE m.id = s.id AND NOT s.nobody`,
      [input.judgedOn, input.policyVersion],
    );
    step('stale');

    await client.query(MERGE, [input.judgedOn, input.policyVersion]);
    step('merge');

    await client.query(`CREATE TEMPORARY TABLE rebuilt_floor (side char, id uuid, floor int, last uuid) ON COMMIT DROP`);
    await copyInto(client, 'rebuilt_floor', [...floorLines('N', input.needFloors), ...floorLines('C', input.companyFloors)]);
    await client.query('ANALYZE rebuilt_floor');
    // Every list's floor (-1 while it has room); a list the rebuild did not produce has room. A
    // company's last need goes with its floor, in the same statement (null with -1). No re-rank
    // writes these meanwhile: the trigger switch above keeps them out of "Match" until the commit.
    const lists = [['N', '"Need"', 'id', null], ['C', '"CompanyMatchProfile"', '"companyId"', '"matchFloorNeedId"']] as const;
    for (const [side, table, key, lastId] of lists) {
      const [set, changed, reset] = lastId
        ? [`"matchFloor" = f.floor, ${lastId} = f.last`, `(t."matchFloor", t.${lastId}) IS DISTINCT FROM (f.floor, f.last)`, `, ${lastId} = NULL`]
        : [`"matchFloor" = f.floor`, `t."matchFloor" <> f.floor`, ''];
      await client.query(`UPDATE ${table} t SET ${set} FROM rebuilt_floor f WHERE f.side = '${side}' AND t.${key} = f.id AND ${changed}`);
      await client.query(`UPDATE ${table} t SET "matchFloor" = -1${reset} WHERE t."matchFloor" <> -1
        AND NOT EXISTS (SELECT 1 FROM rebuilt_floor f WHERE f.side = '${side}' AND f.id = t.${key})`);
    }
    await client.query(`ALTER TABLE "Match" ${REVIEW_COUNT_TRIGGERS.map((name) => `ENABLE TRIGGER "${name}"`).join(', ')}`);
    await client.query('SELECT review_slice_count_recount()');
    step('floors');
    await client.query('COMMIT');
    step('commit');
    return steps;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
