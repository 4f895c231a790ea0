import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { MatchResult } from '../matching/types';
import type { ListFloor } from './bound';
import { pointsAsText } from './points-text';

// Bulk writes of match rows, shared by the incremental re-ranking and the full rebuild.

type Executor = Pick<Db, '$executeRaw' | '$queryRaw'>;

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

/**
 * NOBODY_ACTED_ON over the rows of one need (`needId`: its id in SQL), by the same rule: the need's
 * decided companies are read once, as a hashed set, instead of probed row by row. For a need on
 * thousands of company lists the probe was most of the read of its stored pairs (10 of 30 ms: with
 * few decisions PostgreSQL scans the table once a row, docs/benchmarks/matching.md, session 15).
 */
export const nobodyActedOnInNeed = (needId: string) =>
  `"Match".status = 'SUGGESTED' AND "Match"."companyId" NOT IN (SELECT d."companyId" FROM "MatchDecision" d WHERE d."needId" = ${needId})`;

/** The opposite, as a column of a select over "Match". */
export const ACTED_ON_COLUMN = Prisma.sql`NOT (${NOBODY_ACTED_ON}) AS "actedOn"`;

/** A stored pair as a re-rank read it: the write changes it only if it is still so. */
export type PairAsRead = { score: number; points: string; inNeedTop: boolean; inCompanyTop: boolean };

/**
 * Writes the rows a re-rank changed: each row read from "Match" (`was`) is updated only if it is
 * still as read, each new row is inserted only if no other writer inserted the pair meanwhile
 * (in either case, a row that already holds what this write would is counted as written).
 * Returns the rows written and how many were not, because another transaction changed them after
 * the re-rank read them (the caller then runs again: its judgement of those pairs is stale).
 */
export async function writeChangedMatches(
  db: Executor, rows: (MatchRow & { was: PairAsRead | null })[], policyVersion: number, judgedOn: string,
): Promise<{ written: number; changedMeanwhile: number }> {
  let written = 0;
  let sent = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const updates = chunk.filter((r) => r.was !== null);
    const inserts = chunk.filter((r) => r.was === null);
    sent += chunk.length;
    // Columns as arrays (unnest): no per-row JSON to build or parse.
    const points = (list: MatchRow[]) => list.map((r) => pointsAsText(r.points));
    if (updates.length) {
      written += await db.$executeRaw`
        UPDATE "Match" m SET score = r.score, points = r.points::smallint[], "judgedOn" = ${judgedOn}::date, "policyVersion" = ${policyVersion},
          "inNeedTop" = r."inNeedTop", "inCompanyTop" = r."inCompanyTop", "computedAt" = now(), "updatedAt" = now()
        FROM unnest(${updates.map((r) => r.needId)}::uuid[], ${updates.map((r) => r.companyId)}::uuid[], ${updates.map((r) => r.score)}::int[],
            ${points(updates)}::text[], ${updates.map((r) => r.inNeedTop)}::boolean[], ${updates.map((r) => r.inCompanyTop)}::boolean[],
            ${updates.map((r) => r.was!.score)}::int[], ${updates.map((r) => r.was!.points)}::text[],
            ${updates.map((r) => r.was!.inNeedTop)}::boolean[], ${updates.map((r) => r.was!.inCompanyTop)}::boolean[])
          AS r("needId", "companyId", score, points, "inNeedTop", "inCompanyTop", "wasScore", "wasPoints", "wasNeedTop", "wasCompanyTop")
        WHERE m."needId" = r."needId" AND m."companyId" = r."companyId"
          AND ((m.score, m.points, m."inNeedTop", m."inCompanyTop") IS NOT DISTINCT FROM (r."wasScore", r."wasPoints"::smallint[], r."wasNeedTop", r."wasCompanyTop")
            -- or another writer already wrote what this one would: not a conflict
            OR (m.score, m.points, m."inNeedTop", m."inCompanyTop") IS NOT DISTINCT FROM (r.score, r.points::smallint[], r."inNeedTop", r."inCompanyTop"))`;
    }
    if (inserts.length) {
      written += await db.$executeRaw`
        INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "computedAt", "updatedAt")
        SELECT uuidv7(), r."needId", r."companyId", r.score, r.points::smallint[], ${judgedOn}::date, ${policyVersion}, r."inNeedTop", r."inCompanyTop", now(), now()
        FROM unnest(${inserts.map((r) => r.needId)}::uuid[], ${inserts.map((r) => r.companyId)}::uuid[], ${inserts.map((r) => r.score)}::int[],
            ${points(inserts)}::text[], ${inserts.map((r) => r.inNeedTop)}::boolean[], ${inserts.map((r) => r.inCompanyTop)}::boolean[])
          AS r("needId", "companyId", score, points, "inNeedTop", "inCompanyTop")
        ON CONFLICT ("needId", "companyId") DO UPDATE SET "judgedOn" = EXCLUDED."judgedOn", "policyVersion" = EXCLUDED."policyVersion",
          "computedAt" = now(), "updatedAt" = now()
        -- Inserted meanwhile by another writer: written if it holds what this one would, else a conflict.
        WHERE ("Match".score, "Match".points, "Match"."inNeedTop", "Match"."inCompanyTop")
          IS NOT DISTINCT FROM (EXCLUDED.score, EXCLUDED.points, EXCLUDED."inNeedTop", EXCLUDED."inCompanyTop")`;
    }
  }
  return { written, changedMeanwhile: sent - written };
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
 * row, two writers never wait for each other in a cycle through them. Returns the floors as they
 * are once held. Need lists keep no last need: nothing is taken for them.
 */
export async function lockListOwners(db: Executor, ids: string[], floor: Side['subjectFloor']): Promise<Map<string, ListFloor>> {
  if (!floor.lastId || ids.length === 0) return new Map();
  const rows = await db.$queryRaw<({ id: string } & ListFloor)[]>`
    SELECT ${floor.key}::text AS id, "matchFloor" AS floor, ${floor.lastId}::text AS last FROM ${floor.table}
    WHERE ${floor.key} = ANY(${ids}::uuid[]) ORDER BY ${floor.key} FOR NO KEY UPDATE`;
  return new Map(rows.map(({ id, ...list }) => [id, list]));
}

/**
 * Whether `subjectId` wins a tie at `floor` on the counterpart's full list, by the lists' order
 * (score, then the other side's id): the list's last entry at its floor has a greater id, or the
 * list has none there. uuids compare as their text does. A probe of the stored rows, for lists
 * that keep no last entry of their own (a need's).
 */
export const winsTieAtFloorSql = (side: Side, subjectId: Prisma.Sql, counterpartId: Prisma.Sql, floor: Prisma.Sql) => Prisma.sql`
  COALESCE(${subjectId} < (SELECT m.${side.subjectColumn} FROM "Match" m
    WHERE m.${side.counterpartColumn} = ${counterpartId} AND m.${side.counterpartFlag} AND m.score = ${floor}
    ORDER BY m.${side.subjectColumn} DESC LIMIT 1), true)`;

/**
 * Records the subject's own list floor (and a company's last need) from its stored list, as this
 * transaction sees it after its writes, by the trim's rule: the lowest score (then the highest id
 * of the other side) once the list holds k entries, else -1. Read from the rows rather than from
 * the re-rank's memory: a pair it judged unchanged may have been moved by another re-rank since.
 */
export async function recordOwnListFloor(db: Executor, side: Side, id: string): Promise<void> {
  const { subjectColumn, counterpartColumn, subjectFlag, subjectFloor: { table, key, lastId }, subjectTopK: k } = side;
  const list = Prisma.sql`FROM "Match" WHERE ${subjectColumn} = ${id}::uuid AND ${subjectFlag}`;
  const last = Prisma.sql`(SELECT CASE WHEN listed.n >= ${k} THEN score ELSE -1 END AS floor, CASE WHEN listed.n >= ${k} THEN ${counterpartColumn} END AS id
    ${list} ORDER BY score, ${counterpartColumn} DESC LIMIT 1)`;
  const rows = Prisma.sql`(SELECT count(*) AS n ${list}) listed LEFT JOIN LATERAL ${last} l ON true`;
  if (lastId) {
    await db.$executeRaw`
      UPDATE ${table} t SET "matchFloor" = COALESCE(l.floor, -1), ${lastId} = l.id
      FROM ${rows}
      WHERE t.${key} = ${id}::uuid AND (t."matchFloor", t.${lastId}) IS DISTINCT FROM (COALESCE(l.floor, -1), l.id)`;
  } else {
    await db.$executeRaw`
      UPDATE ${table} t SET "matchFloor" = COALESCE(l.floor, -1)
      FROM ${rows}
      WHERE t.${key} = ${id}::uuid AND t."matchFloor" IS DISTINCT FROM COALESCE(l.floor, -1)`;
  }
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
