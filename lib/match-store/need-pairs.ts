import type { QueryConfig } from 'pg';
import { type Db } from '../db';
import { readWithPlannerSettings } from '../database/planned-read';
import { prepareNeed, type PreparedNeed } from '../matching/prepare';
import type { VersionedPolicy } from '../matching/policy';
import type { NeedInput } from './inputs';
import { candidatesInSector, sectorMasksHolding, type PreparedCandidate } from './profiles';
import { SCORING_COLUMNS_AFTER_ID_OF_P, scoringCandidateFromRow } from './scoring-profile';
import { nobodyActedOnInNeed } from './write';

// What a need's re-rank reads to score: its stored pairs, each with its company's profile, and the
// other companies the bound lets reach its list or their own (with those it has an interest with),
// in one statement. The sector's eligible profiles are read once, FULL JOINed with the stored
// pairs: a profile with a pair comes with it, one without only through the hard rules and the bound
// (candidatesInSector: the scan is already the sector's) or an interest. One snapshot holds both (a
// pair stored by a company's concurrent re-rank between two reads could be in neither), and the
// stored companies are not sent back to be left out (5,000 uuids for a need on 5,000 companies'
// lists). A company outside the need's sector never scores (the sector rule is not the policy's to
// switch off): its pair reads as one without a profile, as a company no longer eligible does, and goes.

/** A stored pair as the re-rank compares it with what it computes. */
export type StoredPair = {
  counterpartId: string;
  actedOn: boolean;
  inCounterpartTop: boolean;
  inSubjectTop: boolean;
  score: number;
  /** As PostgreSQL writes the array ('{1,2,3}'): compared as text, never parsed. */
  points: string;
  /** Judged on the re-rank's day under its policy (the other columns the re-rank would write). */
  current: boolean;
};

export type NeedPairsRead = {
  rows: StoredPair[];
  /** The need as read and prepared for scoring; null when it may not be matched (its pairs still come, to be dropped). */
  need: { input: NeedInput; prepared: PreparedNeed } | null;
  /** The stored pairs' companies: eligible, of the need's sector (another sector's never scores). */
  stored: PreparedCandidate[];
  /** Companies without a stored pair that the bound lets through, or with an interest. */
  others: PreparedCandidate[];
};

// The pair's flags (one integer: a column fewer to send and parse per flag, on thousands of rows),
// score and points, then its company's id and what scoring reads of its profile
// (SCORING_COLUMNS_AFTER_ID_OF_P): the id is read once, for the row and the profile alike. A
// candidate's row has no `stored` flag and nulls for the score and points. Whether the need wins a
// tie at the company's floor is a flag too, not the last need's id (36 bytes of text a row).
const FLAG = { stored: 1, actedOn: 2, inCompanyTop: 4, inNeedTop: 8, current: 16, winsTie: 32 } as const;
const PAIR_COLUMNS = 3;
const READ = (needId: string, masks: string, current: string, others: string | null) => `
  WITH stored AS (
    SELECT NOT (${nobodyActedOnInNeed(`${needId}::uuid`)}) AS "actedOn", "inCompanyTop", "inNeedTop", score, points::text AS points,
      ${current} AS current, "companyId" AS "pairCompanyId"
    FROM "Match" WHERE "needId" = ${needId}::uuid)
  SELECT ((s."pairCompanyId" IS NOT NULL)::int * ${FLAG.stored}) | (COALESCE(s."actedOn", false)::int * ${FLAG.actedOn})
      | (COALESCE(s."inCompanyTop", false)::int * ${FLAG.inCompanyTop}) | (COALESCE(s."inNeedTop", false)::int * ${FLAG.inNeedTop})
      | (COALESCE(s.current, false)::int * ${FLAG.current})
      | (COALESCE(p."matchFloorNeedId" IS NULL OR ${needId}::uuid < p."matchFloorNeedId", false)::int * ${FLAG.winsTie}),
    s.score, s.points, COALESCE(s."pairCompanyId", p."companyId"), ${SCORING_COLUMNS_AFTER_ID_OF_P}
  FROM stored s FULL JOIN (SELECT * FROM "CompanyMatchProfile" WHERE "isEligible" AND "sectorMask" = ANY(${masks}::int[])) p
    ON p."companyId" = s."pairCompanyId"
  WHERE s."pairCompanyId" IS NOT NULL OR ${others === null ? 'false' : `(${others})`}
    OR p."companyId" IN (SELECT i."companyId" FROM "Interest" i WHERE i."needId" = ${needId}::uuid AND i."withdrawnAt" IS NULL)`;

const candidateOf = (row: unknown[], flags: number): PreparedCandidate =>
  scoringCandidateFromRow(row, PAIR_COLUMNS, (flags & FLAG.winsTie) !== 0);

/** Whether a stored pair was judged on `day` (a date's text) under policy `version`: one boolean, not a date's text and a number. */
const currentSql = (day: string, version: string) => `("judgedOn" = ${day}::date AND "policyVersion" = ${version}::int)`;

/**
 * Read through the pool, not the transaction's connection, in array mode (thousands of rows):
 * under READ COMMITTED each statement takes a fresh snapshot anyway, and nothing is written before
 * this read. The need is the one read after its lock. A company with an interest in the need is
 * read whatever its bound or hard rules (those the engine then applies): the interest is a
 * criterion the bound does not count. Only the pairs come when the need may not be matched.
 */
export async function readNeedPairs(
  db: Db, needId: string, input: NeedInput | undefined, policy: VersionedPolicy, asOf: Date,
): Promise<NeedPairsRead> {
  const need = input ? { input, prepared: prepareNeed(input, asOf) } : null;
  const result = await readInSectorPlan(db, { ...needPairsStatement(needId, need, policy, asOf), rowMode: 'array' });
  const read: NeedPairsRead = { rows: [], need, stored: [], others: [] };
  for (const row of result.rows) {
    const [flags, score, points, counterpartId, sectorMask] = row as [number, number, string, string, number | null];
    if ((flags & FLAG.stored) === 0) {
      read.others.push(candidateOf(row, flags));
      continue;
    }
    read.rows.push({
      counterpartId, score, points, actedOn: (flags & FLAG.actedOn) !== 0, inCounterpartTop: (flags & FLAG.inCompanyTop) !== 0,
      inSubjectTop: (flags & FLAG.inNeedTop) !== 0, current: (flags & FLAG.current) !== 0,
    });
    // A profile's sector mask is never null: null is the FULL JOIN's "no eligible profile in the sector".
    if (sectorMask !== null) read.stored.push(candidateOf(row, flags));
  }
  return read;
}

/**
 * Runs the read with random page reads costed at 1.1 sequential ones, the value PostgreSQL's own
 * documentation gives for solid-state storage (its default, 4, models spinning disks; the profiles
 * are in memory besides). At 4 the planner reads the whole profile table (3,881 pages, 9–14 ms)
 * rather than the sector's part of the covering index (~300 pages, 2.6 ms) once a rebuild has
 * rewritten every profile: each rewrite adds an entry to that index, which vacuum empties but does
 * not shrink, and the planner prices an index by its size (3,652 pages then; rebuilt, 1,995, and
 * the planner took it at 4 too; docs/benchmarks/matching.md, session 15). Floors move all the time,
 * so the index is rarely compact. For this statement only: every other query keeps the server's setting.
 */
const readInSectorPlan = (db: Db, statement: QueryConfig<unknown[]> & { rowMode: 'array' }) =>
  readWithPlannerSettings<unknown[]>(db, { random_page_cost: '1.1' }, statement);

/** The read's statement: its text and values (tests/integration/profile-sector-scan.test.ts explains it). */
export function needPairsStatement(
  needId: string, need: NeedPairsRead['need'], policy: VersionedPolicy, asOf: Date,
): { text: string; values: unknown[] } {
  const candidates = need ? candidatesInSector(need.prepared, policy, {
    threshold: need.input.matchFloor, always: [], asOf, tieBreakNeedId: needId,
  }) : null;
  const values = candidates?.values ?? [];
  values.push(needId, need ? sectorMasksHolding(need.input.sector) : [], asOf.toISOString().slice(0, 10), policy.version);
  const n = values.length;
  return { text: READ(`$${n - 3}`, `$${n - 2}`, currentSql(`$${n - 1}`, `$${n}`), candidates?.where ?? null), values };
}
