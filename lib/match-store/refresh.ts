import type { Db } from '../db';
import { retryOnDeadlock } from '../database/deadlock';
import { Prisma } from '../generated/prisma/client';
import { kyivDay } from '../hostility-list/calendar';
import { pairPoints } from '../matching/evaluate';
import { prepareCompany, prepareNeed } from '../matching/prepare';
import type { VersionedPolicy } from '../matching/policy';
import { TopK } from '../matching/top-k';
import type { MatchContext } from '../matching/types';
import { provesTopList, type ListFloor } from './bound';
import { needMayReachGradedSql } from './need-bound';
import { loadInterests, loadNeeds, loadNeedsWithSites, type NeedInput } from './inputs';
import {
  loadCompanyProfiles, loadPreparedCandidates, syncCompanyProfiles, type PreparedCandidate,
} from './profiles';
import { currentPolicyFrom } from './policy';
import { isPointsText } from './points-text';
import { readNeedPairs, type NeedPairsRead, type StoredPair } from './need-pairs';
import { waitForRebuild } from './rebuild-lock';
import {
  ACTED_ON_COLUMN, COMPANY_SIDE, lockListOwners, NEED_SIDE, NOBODY_ACTED_ON, recordOwnListFloor, trimCounterpartLists, winsTieAtFloorSql, writeChangedMatches,
  type MatchRow, type PairAsRead, type Side,
} from './write';

// Incremental re-ranking of one need against every company, or one company against every need.
// It rewrites the subject's own top list, offers each pair to the counterpart's top list (whose
// floor says whether it enters), and reports counterparts whose lists lost an entry, so that the
// caller can queue them to refill.

type Tx = Prisma.TransactionClient;

export type RerankOutcome = {
  candidates: number;
  written: number;
  deleted: number;
  /** Counterparts whose top list lost an entry and should be re-ranked to refill it. */
  shrunk: string[];
  /** Transactions it took: more than one when a deadlock or another re-rank's write made it run again. */
  attempts: number;
  /** Phase timings: reading and scoring the candidates, then writing (milliseconds). */
  ms: { score: number; write: number };
};

type ExistingRow = StoredPair;
/**
 * A scored pair with its points, kept from scoring (pairPoints: the score scorePair gives, and its
 * points by the explanation's rule): a need on thousands of lists would otherwise evaluate every
 * criterion of every kept pair twice.
 */
type Scored = { id: string; score: number; floor: number; points: number[]; winsTie?: boolean };

/**
 * The pair's context. Pairs without an interest (nearly all) share one object per re-rank: a need on
 * thousands of lists would otherwise make a context and a lookup key per pair (garbage the client
 * collects during the re-rank). Nothing writes to a context.
 */
const contextsFor = (interests: Map<string, { asked: boolean; invited: boolean }>, asOf: Date) => {
  const none: MatchContext = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  return (needId: string, companyId: string): MatchContext => {
    const interest = interests.size === 0 ? undefined : interests.get(`${needId}:${companyId}`);
    return interest ? { asOf, companyRegisteredInterest: interest.asked, municipalityInvitedCompany: interest.invited } : none;
  };
};

/**
 * Two workers re-ranking the same need would race on its rows; one waits for the other. The
 * current policy comes back with the lock (one round trip): a policy edit queues a rebuild of
 * everything, so reading it as of the statement's start, before the wait, changes nothing.
 */
async function lockSubjectAndReadPolicy(tx: Tx, side: Side, id: string): Promise<VersionedPolicy> {
  const [row] = await tx.$queryRaw<{ version: number | null; weights: unknown; hardConstraints: unknown }[]>`
    SELECT p.version, p.weights, p."hardConstraints"
    FROM (SELECT pg_advisory_xact_lock(hashtext(${`rerank:${side.subject}:${id}`}))) AS locked
      LEFT JOIN LATERAL (SELECT version, weights, "hardConstraints" FROM "MatchingPolicy" ORDER BY version DESC LIMIT 1) p ON true`;
  return currentPolicyFrom(row ?? null);
}

/**
 * Scores the subject against its candidates; null when the subject may not be matched. Only
 * counterparts the bound (bound.ts) lets reach the subject's previous floor or their own list's
 * floor are read, with every pair already stored (`stored`) or with an interest; when fewer than
 * a full list then reach the previous floor, every candidate is read instead.
 */
async function scoreSubject(
  db: Db, tx: Tx, side: Side, id: string, policy: VersionedPolicy, asOf: Date,
  stored: { rows: ExistingRow[]; read: NeedPairsRead | null },
  needInterests: Interests | null,
  ownList: ListFloor | undefined,
): Promise<Scored[] | null> {
  if (stored.read !== null && needInterests !== null) {
    const { need: subject, stored: storedCompanies, others } = stored.read;
    if (!subject) return null;
    const { input: need, prepared: preparedNeed } = subject;
    const contextFor = contextsFor(needInterests, asOf);
    const score = (companies: PreparedCandidate[], into: Scored[] = []) => {
      for (const company of companies) {
        const scoredPair = pairPoints(preparedNeed, company.prepared, contextFor(need.id, company.id), policy);
        if (scoredPair) into.push({ id: company.id, score: scoredPair.score, floor: company.matchFloor, points: scoredPair.points, winsTie: company.winsTie });
      }
      return into;
    };
    // The stored pairs' companies and the others the bound lets through came in one read (need-pairs.ts).
    const pruned = score(others, score(storedCompanies));
    if (provesTopList(pruned, { floor: need.matchFloor, last: null }, side.subjectTopK)) return pruned;
    return score(await loadPreparedCandidates(db, preparedNeed, policy));
  }
  const [[company], interests] = await Promise.all([
    loadCompanyProfiles(db, [id]),
    // The bounded need read below (on this connection) is estimated above jit_above_cost for a
    // company in many sectors (the bound's subqueries are costed for every row, though most rows
    // stop at the cheap tests): a server built with LLVM would compile it on every re-rank. The
    // embedded server has no JIT, so no benchmark shows it (docs/benchmarks/matching.md, session 7).
    // Off for this transaction only.
    tx.$executeRaw`SET LOCAL jit = off`.then(() => loadInterests(tx, Prisma.sql`i."companyId" = ${id}::uuid`)),
  ]);
  if (!company || !ownList) return null;
  const preparedCompany = prepareCompany(company);
  const contextFor = contextsFor(interests, asOf);
  const score = (needs: NeedInput[]) => {
    const scored: Scored[] = [];
    for (const need of needs) {
      const scoredPair = pairPoints(prepareNeed(need, asOf), preparedCompany, contextFor(need.id, company.id), policy);
      if (scoredPair) scored.push({ id: need.id, score: scoredPair.score, floor: need.matchFloor, points: scoredPair.points });
    }
    return scored;
  };
  const inSectors = Prisma.sql`n.sector = ANY(${[...company.sectors]}::"SectorCode"[])`;
  const always = [...stored.rows.map((row) => row.counterpartId), ...[...interests.keys()].map((key) => key.slice(0, key.indexOf(':')))];
  // The list's floor and last need as held under the profile row's lock (rerank): the read leaves out
  // needs ranking below that last need, and the proof counts only those ranking at or above it.
  const bound = needMayReachGradedSql({ ...company, ...preparedCompany }, policy, asOf, { list: ownList, always });
  const pruned = score(await loadNeedsWithSites(tx, Prisma.sql`${inSectors} AND ${bound}`));
  if (provesTopList(pruned, ownList, side.subjectTopK)) return pruned;
  return score(await loadNeeds(db, inSectors));
}

type Interests = Awaited<ReturnType<typeof loadInterests>>;

/**
 * A need's re-rank reads the need on the transaction's connection, after the lock (so the need is
 * as the re-rank scores it), then its stored pairs and other candidates in one statement through
 * the pool (readNeedPairs) while its interests are read on the transaction's connection.
 */
async function readSubjectNeed(db: Db, tx: Tx, id: string, policy: VersionedPolicy, asOf: Date): Promise<{ read: NeedPairsRead; interests: Interests }> {
  const [need] = await loadNeedsWithSites(tx, Prisma.sql`n.id = ${id}::uuid`);
  const [read, interests] = await Promise.all([
    readNeedPairs(db, id, need, policy, asOf),
    loadInterests(tx, Prisma.sql`i."needId" = ${id}::uuid`),
  ]);
  return { read, interests };
}

async function readPairs(tx: Tx, side: Side, id: string, asOfText: string, policy: VersionedPolicy): Promise<ExistingRow[]> {
  return tx.$queryRaw<ExistingRow[]>`
    SELECT ${side.counterpartColumn}::text AS "counterpartId", ${ACTED_ON_COLUMN}, ${side.counterpartFlag} AS "inCounterpartTop",
      ${side.subjectFlag} AS "inSubjectTop", score, points::text AS points,
      ("judgedOn" = ${asOfText}::date AND "policyVersion" = ${policy.version}::int) AS current
    FROM "Match" WHERE ${side.subjectColumn} = ${id}::uuid`;
}

/**
 * Of the pairs whose score equals their counterpart's full-list floor and that are not on that
 * list yet, and were read without the list's last entry (a company's re-rank; a need's fallback
 * read), those that win the tie: the list's last entry (lowest score, then highest id) has a
 * greater id than the subject (uuids compare as their text does), or the list has none at its
 * floor. Read instead of written-then-trimmed: on a national scale most floors are shared by many
 * pairs, and each such write would be undone by the trim. A middling need has thousands of ties
 * and wins few: only the winners come back.
 */
async function tiesThatEnter(tx: Tx, side: Side, id: string, ties: Scored[]): Promise<Set<string>> {
  if (ties.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ counterpartId: string }[]>`
    SELECT f.id::text AS "counterpartId" FROM unnest(${ties.map((t) => t.id)}::uuid[], ${ties.map((t) => t.floor)}::int[]) AS f(id, floor)
    WHERE ${winsTieAtFloorSql(side, Prisma.sql`${id}::uuid`, Prisma.sql`f.id`, Prisma.sql`f.floor`)}`;
  return new Set(rows.map((row) => row.counterpartId));
}

export async function rerank(db: Db, side: Side, id: string, options: { asOf?: Date } = {}): Promise<RerankOutcome> {
  // The list's day in Kyiv, as the daily roll-forward reads it (lib/hostility-list/calendar.ts).
  const asOf = kyivDay(options.asOf);
  // Profiles and needs are read outside the transaction (the pool, in parallel), so a company's own
  // profile is written first.
  const started = performance.now();
  if (side.subject === 'company') await syncCompanyProfiles(db, Prisma.sql`c.id = ${id}::uuid`);
  // Two re-ranks can still wait for each other's "Match" or "Need" rows in a cycle (a need's upsert
  // of its pairs against another re-rank's trim of the same lists); PostgreSQL fails one, which runs
  // again here rather than failing its whole batch of jobs (worker.ts).
  return retryOnDeadlock((attempt) => db.$transaction(
    async (tx) => {
      await waitForRebuild(tx);
      const policy = await lockSubjectAndReadPolicy(tx, side, id);
      // A company's re-rank holds its profile row from before it reads its pairs (lockListOwners):
      // a need's re-rank that moves this list holds it too, so it either committed before these
      // reads or writes after this commit (and finds the pairs it read changed: it runs again).
      const ownList = side.subject === 'company' ? (await lockListOwners(tx, [id], side.subjectFloor)).get(id) : undefined;
      const subject = side.subject === 'need' ? await readSubjectNeed(db, tx, id, policy, asOf) : null;
      const asOfText = asOf.toISOString().slice(0, 10);
      const stored = subject ? { rows: subject.read.rows, read: subject.read } : { rows: await readPairs(tx, side, id, asOfText, policy), read: null };
      const existing = stored.rows;
      const scored = (await scoreSubject(db, tx, side, id, policy, asOf, stored, subject?.interests ?? null, ownList)) ?? [];
      const before = new Map(existing.map((row) => [row.counterpartId, row]));
      // A tie read with its company's last need (need-pairs.ts) is decided by it; the fallback read
      // and a company's re-rank (needs keep no such key) probe the lists.
      const tieEnters = await tiesThatEnter(tx, side, id, scored.filter((item) =>
        item.winsTie === undefined && item.floor >= 0 && item.score === item.floor && !before.get(item.id)?.inCounterpartTop));
      const scoredAt = performance.now();

      const top = new TopK<Scored>(side.subjectTopK);
      for (const item of scored) top.offer(item);
      const inTop = new Set(top.sorted().map((item) => item.id));

      const rows: MatchRow[] = [];
      const entered: string[] = [];
      const shrunk: string[] = [];
      // Counterparts whose list keeps this pair at another score than before. Where it fell, the
      // floor read at the start may have been raised since by another re-rank (it entered the list
      // and pushed the last entry out): the list is trimmed again (below), or the stored floor could
      // sit above the list's last entry, keeping out whatever scores between.
      const fell: Scored[] = [];
      const rose: string[] = [];
      for (const item of scored) {
        const previous = before.get(item.id);
        // A score equal to the full counterpart list's floor enters when it wins the tie by id, as
        // in the rebuild's heaps (tiesThatEnter); the trim below then cuts the list back to its length.
        // A pair already on the list stays at the floor only if its score did not fall there: one that
        // fell ties with pairs outside the list (often not stored) that may have lower ids, so it leaves
        // and the counterpart, shrunk, is refilled by its own re-rank, which reads them all.
        const staysAtFloor = previous?.inCounterpartTop && previous.score <= item.score;
        const inCounterpartTop = item.floor < 0 || item.score > item.floor
          || (item.score === item.floor && (staysAtFloor || (item.winsTie ?? tieEnters.has(item.id))));
        if (previous?.inCounterpartTop && !inCounterpartTop) shrunk.push(item.id);
        if (inCounterpartTop && !previous?.inCounterpartTop) entered.push(item.id);
        if (inCounterpartTop && previous?.inCounterpartTop && item.score !== previous.score) {
          if (item.score < previous.score) fell.push(item);
          else rose.push(item.id);
        }
        const inSubjectTop = inTop.has(item.id);
        if (!inSubjectTop && !inCounterpartTop && !previous?.actedOn) continue;
        const needId = side.subject === 'need' ? id : item.id;
        const companyId = side.subject === 'need' ? item.id : id;
        // Kept from scoring: the points add up to the score the lists sorted by.
        const { points } = item;
        rows.push({
          needId,
          companyId,
          score: item.score,
          points,
          inNeedTop: side.subject === 'need' ? inSubjectTop : inCounterpartTop,
          inCompanyTop: side.subject === 'need' ? inCounterpartTop : inSubjectTop,
        });
      }

      // Pairs that no longer score (excluded, or the counterpart left the platform).
      const stillScored = new Set(scored.map((item) => item.id));
      const gone = existing.filter((row) => !stillScored.has(row.counterpartId));
      for (const row of gone) if (row.inCounterpartTop) shrunk.push(row.counterpartId);

      // The company profile rows a need's re-rank writes a floor and last need on, taken before its
      // first write to "Match", in id order (lockListOwners): a trim takes them before it writes the
      // lists' rows, so a re-rank holding "Match" rows never waits for a profile row held by one that
      // waits for those rows. They are the lists it enters, leaves or moves on (no trim then ranks
      // them while its rows are uncommitted). A company list where the pair fell is trimmed again
      // only if the score fell to its floor as held now; a need's list keeps no row to hold, and is
      // trimmed again wherever the pair fell.
      let trimmed = [...new Set([...entered, ...shrunk])];
      if (side.subject === 'company') {
        trimmed = [...new Set([...trimmed, ...fell.map((item) => item.id)])];
      } else {
        const floors = await lockListOwners(tx, [...new Set([...trimmed, ...fell.map((item) => item.id), ...rose])], side.counterpartFloor);
        const reachedFloor = fell.filter((item) => item.score <= (floors.get(item.id)?.floor ?? -1)).map((item) => item.id);
        trimmed = [...new Set([...trimmed, ...reachedFloor])];
      }
      const decidedGone = gone.filter((row) => row.actedOn);
      if (decidedGone.length) {
        await tx.$executeRaw`
          UPDATE "Match" SET score = 0, points = '{}', "inNeedTop" = false, "inCompanyTop" = false, "policyVersion" = ${policy.version},
            "judgedOn" = ${asOfText}::date, "computedAt" = now(), "updatedAt" = now()
          WHERE ${side.subjectColumn} = ${id}::uuid AND ${side.counterpartColumn} = ANY(${decidedGone.map((r) => r.counterpartId)}::uuid[])
            AND (score, points, "inNeedTop", "inCompanyTop", "policyVersion", "judgedOn")
              IS DISTINCT FROM (0, '{}'::smallint[], false, false, ${policy.version}, ${asOfText}::date)`;
      }

      // Rows whose content is as stored are not sent at all (the upsert would skip them too, but
      // only after probing and locking each one).
      const counterpartOf = (row: MatchRow) => (side.subject === 'need' ? row.companyId : row.needId);
      const changed = rows.filter((row) => {
        const previous = before.get(counterpartOf(row));
        const inSubjectTop = side.subject === 'need' ? row.inNeedTop : row.inCompanyTop;
        const inCounterpartTop = side.subject === 'need' ? row.inCompanyTop : row.inNeedTop;
        return !previous || previous.score !== row.score || !previous.current
          || previous.inSubjectTop !== inSubjectTop || previous.inCounterpartTop !== inCounterpartTop
          || !isPointsText(previous.points, row.points);
      });
      // Each pair is written only if it is still as read: a re-rank of the counterpart (the company
      // for a need's re-rank) may have written it since, judging with what this one did not see (a
      // floor moved, a profile changed); writing over it would put its list out of step with its
      // floor. Then this re-rank runs again from the start (below), and reads what that one wrote.
      const asRead = (row: ExistingRow | undefined): PairAsRead | null => row ? {
        score: row.score, points: row.points,
        inNeedTop: side.subject === 'need' ? row.inSubjectTop : row.inCounterpartTop,
        inCompanyTop: side.subject === 'need' ? row.inCounterpartTop : row.inSubjectTop,
      } : null;
      const { written, changedMeanwhile } = await writeChangedMatches(
        tx, changed.map((row) => ({ ...row, was: asRead(before.get(counterpartOf(row))) })), policy.version, asOfText);
      if (changedMeanwhile > 0) throw new PairsChangedMeanwhile(changedMeanwhile);
      const kept = new Set(rows.map(counterpartOf));
      const dropped = existing.filter((row) => !kept.has(row.counterpartId) && !row.actedOn);
      const deleted = dropped.length === 0 ? 0 : await tx.$executeRaw`
        DELETE FROM "Match" USING unnest(${dropped.map((row) => row.counterpartId)}::uuid[], ${dropped.map((row) => row.score)}::int[],
            ${dropped.map((row) => row.inSubjectTop)}::boolean[], ${dropped.map((row) => row.inCounterpartTop)}::boolean[])
          AS r(id, score, "inSubjectTop", "inCounterpartTop")
        WHERE "Match".${side.subjectColumn} = ${id}::uuid AND "Match".${side.counterpartColumn} = r.id AND ${NOBODY_ACTED_ON}
          AND ("Match".score, "Match".${side.subjectFlag}, "Match".${side.counterpartFlag}) IS NOT DISTINCT FROM (r.score, r."inSubjectTop", r."inCounterpartTop")`;
      if (deleted < dropped.length) {
        // Rows another transaction deleted already are gone as wanted; one still there changed.
        const [{ left }] = await tx.$queryRaw<{ left: number }[]>`
          SELECT count(*)::int AS left FROM "Match"
          WHERE ${side.subjectColumn} = ${id}::uuid AND ${side.counterpartColumn} = ANY(${dropped.map((row) => row.counterpartId)}::uuid[])`;
        if (left > 0) throw new PairsChangedMeanwhile(left);
      }

      // Sent on every re-rank, even when the floor read after the lock is this one: a company's
      // re-rank trims this need's list and writes its floor without that lock, and the pairs read
      // above may already hold its change while that floor read does not. A company's own profile
      // row is held (above): a trim of its list either committed first, and this comes last, or
      // waits for this commit and ranks the list as written here.
      await recordOwnListFloor(tx, side, id);
      await trimCounterpartLists(tx, side, trimmed);

      return { candidates: scored.length, written, deleted, shrunk, attempts: attempt, ms: { score: scoredAt - started, write: performance.now() - scoredAt } };
    },
    { timeout: 60_000, maxWait: 10_000 },
  ), { tries: 5, alsoWhen: (error) => error instanceof PairsChangedMeanwhile });
}

/** Pairs another transaction wrote after this re-rank read them: it runs again (rerank's retry). */
class PairsChangedMeanwhile extends Error {
  constructor(pairs: number) {
    super(`${pairs} pair(s) changed by another re-rank since they were read`);
  }
}

export const rerankNeed = (db: Db, needId: string, options?: { asOf?: Date }) => rerank(db, NEED_SIDE, needId, options);
export const rerankCompany = (db: Db, companyId: string, options?: { asOf?: Date }) =>
  rerank(db, COMPANY_SIDE, companyId, options);
