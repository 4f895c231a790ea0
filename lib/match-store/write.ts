import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { MatchResult } from '../matching/types';

// Bulk writes of match rows, shared by the incremental re-ranking and the full rebuild.

type Executor = Pick<Db, '$executeRaw'>;

export type MatchRow = {
  needId: string;
  companyId: string;
  score: number;
  /** Whole points per criterion in CRITERIA order; empty when the pair is no longer eligible. */
  points: number[];
  inNeedTop: boolean;
  inCompanyTop: boolean;
};

/**
 * What the screens read of a stored match: the engine's result for the pair as of the day it was
 * judged on, with that day. Derived on read from the compact row (explain.ts), never stored.
 */
export type StoredExplanation = (MatchResult | { kind: 'ineligible' }) & { asOf: string };

const CHUNK = 5_000;

/**
 * The stored matches re-ranking may delete: nobody acted on them. A row a facilitator decided on
 * keeps its id even after an undo, so its card stays where people left it; the decisions
 * themselves belong to the pair and survive any row (MatchDecision).
 */
export const NOBODY_ACTED_ON = Prisma.sql`"Match".status = 'SUGGESTED' AND NOT EXISTS (
  SELECT 1 FROM "MatchDecision" d WHERE d."needId" = "Match"."needId" AND d."companyId" = "Match"."companyId")`;

/** The opposite, as a column of a select over "Match". */
export const ACTED_ON_COLUMN = Prisma.sql`NOT (${NOBODY_ACTED_ON}) AS "actedOn"`;

/**
 * Inserts or updates the rows; a row whose content (score, points, flags, policy, day) did not
 * change is left alone, so that re-ranking writes only what moved. Returns the rows written.
 */
export async function upsertMatches(db: Executor, rows: MatchRow[], policyVersion: number, judgedOn: string): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // Columns as arrays (unnest): no per-row JSON to build or parse.
    const points = chunk.map((r) => `{${r.points.join(',')}}`);
    written += await db.$executeRaw`
      INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "computedAt", "updatedAt")
      SELECT uuidv7(), r."needId", r."companyId", r.score, r.points::smallint[], ${judgedOn}::date, ${policyVersion}, r."inNeedTop", r."inCompanyTop", now(), now()
      FROM unnest(${chunk.map((r) => r.needId)}::uuid[], ${chunk.map((r) => r.companyId)}::uuid[], ${chunk.map((r) => r.score)}::int[],
          ${points}::text[], ${chunk.map((r) => r.inNeedTop)}::boolean[], ${chunk.map((r) => r.inCompanyTop)}::boolean[])
        AS r("needId", "companyId", score, points, "inNeedTop", "inCompanyTop")
      ON CONFLICT ("needId", "companyId") DO UPDATE SET
        score = EXCLUDED.score, points = EXCLUDED.points, "judgedOn" = EXCLUDED."judgedOn", "policyVersion" = EXCLUDED."policyVersion",
        "inNeedTop" = EXCLUDED."inNeedTop", "inCompanyTop" = EXCLUDED."inCompanyTop", "computedAt" = now(), "updatedAt" = now()
      WHERE ("Match".score, "Match".points, "Match"."judgedOn", "Match"."policyVersion", "Match"."inNeedTop", "Match"."inCompanyTop")
        IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.points, EXCLUDED."judgedOn", EXCLUDED."policyVersion", EXCLUDED."inNeedTop", EXCLUDED."inCompanyTop")`;
  }
  return written;
}

/** Column names of the two sides of a match, so one algorithm serves needs and companies. */
export type Side = {
  subject: 'need' | 'company';
  subjectColumn: Prisma.Sql;
  counterpartColumn: Prisma.Sql;
  subjectFlag: Prisma.Sql;
  counterpartFlag: Prisma.Sql;
  /** Where each side keeps its list floor, and under which key. */
  subjectFloor: ListFloorColumns;
  counterpartFloor: ListFloorColumns;
  subjectTopK: number;
  counterpartTopK: number;
};

/**
 * Where a side's list floor is kept. A company's list also keeps the id of its last need
 * (`lastId`, "matchFloorNeedId"): a need's re-rank decides a tie at the floor from it.
 */
export type ListFloorColumns = { table: Prisma.Sql; key: Prisma.Sql; lastId: Prisma.Sql | null };

/** How many companies a need keeps, and how many needs a company keeps. */
export const NEED_TOP_K = 50;
export const COMPANY_TOP_K = 10;

const NEED_FLOOR: ListFloorColumns = { table: Prisma.raw('"Need"'), key: Prisma.raw('id'), lastId: null };
const COMPANY_FLOOR: ListFloorColumns = {
  table: Prisma.raw('"CompanyMatchProfile"'), key: Prisma.raw('"companyId"'), lastId: Prisma.raw('"matchFloorNeedId"'),
};

export const NEED_SIDE: Side = {
  subject: 'need',
  subjectColumn: Prisma.raw('"needId"'),
  counterpartColumn: Prisma.raw('"companyId"'),
  subjectFlag: Prisma.raw('"inNeedTop"'),
  counterpartFlag: Prisma.raw('"inCompanyTop"'),
  subjectFloor: NEED_FLOOR,
  counterpartFloor: COMPANY_FLOOR,
  subjectTopK: NEED_TOP_K,
  counterpartTopK: COMPANY_TOP_K,
};

export const COMPANY_SIDE: Side = {
  subject: 'company',
  subjectColumn: Prisma.raw('"companyId"'),
  counterpartColumn: Prisma.raw('"needId"'),
  subjectFlag: Prisma.raw('"inCompanyTop"'),
  counterpartFlag: Prisma.raw('"inNeedTop"'),
  subjectFloor: COMPANY_FLOOR,
  counterpartFloor: NEED_FLOOR,
  subjectTopK: COMPANY_TOP_K,
  counterpartTopK: NEED_TOP_K,
};

/**
 * Takes the rows that hold company lists' floors and last needs (the profiles), in id order, for
 * the transaction: every writer of a floor and last need holds them from before its first write to
 * "Match" (or from before it ranks the list) to its commit. Taken in one order, before any "Match"
 * row, two writers never wait for each other in a cycle through them. Need lists keep no last need:
 * nothing is taken for them.
 */
export async function lockListOwners(db: Executor, ids: string[], floor: Side['subjectFloor']): Promise<void> {
  if (!floor.lastId || ids.length === 0) return;
  await db.$executeRaw`
    SELECT count(*) FROM (SELECT 1 FROM ${floor.table} WHERE ${floor.key} = ANY(${ids}::uuid[]) ORDER BY ${floor.key} FOR NO KEY UPDATE) locked`;
}

/**
 * Cuts the counterparts' top lists back to their length (ties broken by the other side's id,
 * as the rebuild does), drops rows that no list holds and nobody decided on, and records each
 * list's floor (and a company list's last need).
 */
export async function trimCounterpartLists(db: Executor, side: Side, counterpartIds: string[]): Promise<void> {
  if (counterpartIds.length === 0) return;
  const { counterpartColumn: column, counterpartFlag: flag, subjectColumn, counterpartFloor, counterpartTopK: k } = side;
  // A need's re-rank trims companies' lists without their re-rank lock, so two of them (or one and
  // a company's re-rank) may change one list at once, each seeing only its own rows. A stored last
  // need lower than the list's real one would keep out, silently, a need that wins the tie, so each
  // trim holds the profile rows (lockListOwners) and ranks, trims and records in statements that start
  // after it holds them: they see every other trim of these lists that committed, and one still
  // running records after this one, seeing its rows too. What a trim still cannot see is a list's
  // entry that a concurrent re-rank of its need takes off; that re-rank reports the company shrunk,
  // and the company's re-rank queued for it writes its floor and last need under its own lock.
  // A caller that writes "Match" rows before this trim must take the rows before those writes
  // (as rerank does), or two writers may wait for each other in a cycle; taken again here, they
  // cost nothing, and a caller that writes nothing else is covered.
  await lockListOwners(db, counterpartIds, counterpartFloor);
  await db.$executeRaw`
    WITH ranked AS (
      SELECT id, row_number() OVER (PARTITION BY ${column} ORDER BY score DESC, ${subjectColumn}) AS rank
      FROM "Match" WHERE ${flag} AND ${column} = ANY(${counterpartIds}::uuid[]))
    UPDATE "Match" m SET ${flag} = false FROM ranked r WHERE m.id = r.id AND r.rank > ${k}`;
  await db.$executeRaw`
    DELETE FROM "Match" WHERE ${column} = ANY(${counterpartIds}::uuid[])
      AND NOT "inNeedTop" AND NOT "inCompanyTop" AND ${NOBODY_ACTED_ON}`;
  if (!counterpartFloor.lastId) {
    await db.$executeRaw`
      UPDATE ${counterpartFloor.table} t SET "matchFloor" = f.floor
      FROM (
        SELECT x.id, COALESCE((SELECT CASE WHEN count(*) >= ${k} THEN min(score) END
                               FROM "Match" WHERE ${column} = x.id AND ${flag}), -1) AS floor
        FROM unnest(${counterpartIds}::uuid[]) AS x(id)) f
      WHERE t.${counterpartFloor.key} = f.id AND t."matchFloor" IS DISTINCT FROM f.floor`;
    return;
  }
  // The floor and the last entry (lowest score, then highest id: the list's order) from the same rows.
  await db.$executeRaw`
    UPDATE ${counterpartFloor.table} t SET "matchFloor" = f.floor, ${counterpartFloor.lastId} = f.last
    FROM (
      SELECT x.id, CASE WHEN listed.n >= ${k} THEN last.score ELSE -1 END AS floor, CASE WHEN listed.n >= ${k} THEN last.id END AS last
      FROM unnest(${counterpartIds}::uuid[]) AS x(id)
        CROSS JOIN LATERAL (SELECT count(*) AS n FROM "Match" WHERE ${column} = x.id AND ${flag}) listed
        LEFT JOIN LATERAL (SELECT score, ${subjectColumn} AS id FROM "Match" WHERE ${column} = x.id AND ${flag}
          ORDER BY score, ${subjectColumn} DESC LIMIT 1) last ON true) f
    WHERE t.${counterpartFloor.key} = f.id AND (t."matchFloor", t.${counterpartFloor.lastId}) IS DISTINCT FROM (f.floor, f.last)`;
}
