import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import type { Db } from '../../lib/db';
import { listReviewQueue, reviewQueueFilterSchema } from '../../lib/match-decisions/review-queue';
import { countReviewSlice, countReviewSliceByStatus, sliceByStatusSql, sliceCountSql, type ReviewSliceFilter } from '../../lib/match-decisions/review-slice';
import { rebuildAllMatches, rerankCompany, rerankNeed } from '../../lib/match-store';
import { openSyntheticScratch } from './synthetic-scratch';

// "ReviewSliceCount" (migration 20261202004853_review_slice_count) must equal the review slice
// counted by visiting it — per sector, oblast, status and score, so every filter of the queue —
// after every kind of write: a rebuild (COPY into staging, then merged), re-ranks, single-row and
// bulk inserts, updates and deletes of pairs, a need that closes, reopens, changes sector, moves
// to another oblast or is deleted with its pairs, a rolled-back transaction and a truncate. Its own
// database: the counter covers the whole table.

let db: Db;
let facilitator: Actor;

type Key = { sector: string; oblastCode: string; status: string; score: number; pairs: number };
const byKey = (rows: Key[]) => rows.map((r) => `${r.sector}|${r.oblastCode}|${r.status}|${r.score}=${r.pairs}`).sort();

/** Every key of the slice with its count, by visiting it, and as the triggers keep it. */
async function bothCounts() {
  const visited = await db.$queryRaw<Key[]>`
    SELECT n.sector::text, h."oblastCode", m.status::text, m.score, count(*)::int AS pairs
    FROM "Match" m JOIN "Need" n ON n.id = m."needId" JOIN "Hromada" h ON h.code = n."hromadaCode"
    WHERE (m."inNeedTop" AND n.status = 'OPEN') OR m.status <> 'SUGGESTED'
    GROUP BY 1, 2, 3, 4`;
  const kept = await db.$queryRaw<Key[]>`
    SELECT sector::text, "oblastCode", status::text, score, sum(pairs)::int AS pairs FROM "ReviewSliceCount"
    GROUP BY 1, 2, 3, 4 HAVING sum(pairs) <> 0`;
  return { visited: byKey(visited), kept: byKey(kept) };
}

async function expectExact(step: string) {
  const { visited, kept } = await bothCounts();
  expect(kept, step).toEqual(visited);
  // And through the function the queue calls, for a few filters, against the statement it replaced.
  const [{ sector, oblastCode }] = await db.$queryRaw<{ sector: ReviewSliceFilter['sector']; oblastCode: string }[]>`
    SELECT n.sector, h."oblastCode" FROM "Need" n JOIN "Hromada" h ON h.code = n."hromadaCode" LIMIT 1`;
  const filters: ReviewSliceFilter[] = [
    { minScore: 0 }, { minScore: 55 }, { minScore: 0, sector }, { minScore: 0, oblast: oblastCode }, { minScore: 0, status: 'SHORTLISTED' },
    { minScore: 30, sector, oblast: oblastCode, status: 'SUGGESTED' },
  ];
  for (const filter of filters) {
    const [{ count }] = await db.$queryRaw<{ count: number }[]>(sliceCountSql(filter));
    expect(await countReviewSlice(db, filter), `${step}: ${JSON.stringify(filter)}`).toBe(count);
  }
  // The dashboard's pipeline (every status, a closed need's top pairs included) from the kept
  // counts, against the statement that visited the slice.
  const pipeline = await db.$queryRaw<{ status: string; count: number }[]>(sliceByStatusSql);
  expect(Object.fromEntries(await countReviewSliceByStatus(db)), `${step}: pipeline`).toEqual(Object.fromEntries(pipeline.map((row) => [row.status, row.count])));
  return visited.length;
}

let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ db, facilitator, close } = await openSyntheticScratch('kakehashi_review_count', { companies: 300, needs: 150 }));
}, 300_000);

afterAll(async () => {
  await close?.();
});

const someMatches = (take: number, where = 'TRUE') =>
  db.$queryRawUnsafe<{ id: string; needId: string; companyId: string }[]>(`SELECT id, "needId", "companyId" FROM "Match" WHERE ${where} ORDER BY id LIMIT ${take}`);

describe('the review slice count kept by triggers', () => {
  it('equals the slice after a rebuild, and the queue shows it', async () => {
    await rebuildAllMatches(db, { threads: 1 });
    expect(await expectExact('rebuild')).toBeGreaterThan(20);
    // The rebuild switches the count's triggers off in its transaction and counts once: they are on again.
    const triggers = await db.$queryRaw<{ tgname: string; tgenabled: string }[]>`
      SELECT tgname::text AS tgname, tgenabled::text AS tgenabled FROM pg_trigger WHERE tgrelid = '"Match"'::regclass AND tgname LIKE 'Match_review_count_%'`;
    expect(triggers).toHaveLength(4);
    expect(triggers.every((trigger) => trigger.tgenabled === 'O')).toBe(true);
    const page = await listReviewQueue(db, facilitator, reviewQueueFilterSchema.parse({}));
    const [{ count }] = await db.$queryRaw<{ count: number }[]>(sliceCountSql({ minScore: 0 }));
    expect(page.total).toBe(count);
  }, 120_000);

  it('equals the slice after decisions, inserts and deletes of pairs, one row or many', async () => {
    const [a, b, c, d] = await someMatches(4, '"inNeedTop"');
    await db.match.update({ where: { id: a.id }, data: { status: 'SHORTLISTED' } });
    await db.match.updateMany({ where: { id: { in: [b.id, c.id] } }, data: { status: 'DECLINED', score: 3 } });
    await expectExact('decisions');
    // A pair off every top list that somebody acted on enters the slice; deleting pairs leaves it.
    await db.match.update({ where: { id: d.id }, data: { inNeedTop: false } });
    await expectExact('off the top list');
    await db.match.update({ where: { id: d.id }, data: { status: 'INTRODUCED' } });
    const gone = await someMatches(5, `"inNeedTop" AND status = 'SUGGESTED'`);
    await db.match.deleteMany({ where: { id: { in: gone.map((m) => m.id) } } });
    await expectExact('deletes');
    // The same pairs back in one statement (our own ids in the VALUES list).
    await db.$executeRawUnsafe(`
      INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "updatedAt")
      SELECT gen_random_uuid(), g."needId", g."companyId", 42, '{}', current_date, (SELECT max(version) FROM "MatchingPolicy"), true, false, now()
      FROM (VALUES ${gone.map((m) => `('${m.needId}'::uuid, '${m.companyId}'::uuid)`).join(', ')}) AS g("needId", "companyId")`);
    await expectExact('bulk insert');
    // Many single statements: the counter folds its rows now and then, and stays exact.
    for (let i = 0; i < 150; i++) {
      await db.match.update({ where: { id: a.id }, data: { status: i % 2 === 0 ? 'SUGGESTED' : 'SHORTLISTED', score: i % 100 } });
    }
    await expectExact('many single updates');
    // Folded into one row per key (the triggers do it one statement in 64), the same counts.
    await db.$executeRaw`SELECT "review_slice_count_fold"(1)`;
    await expectExact('folded');
    const [{ rows, keys }] = await db.$queryRaw<{ rows: number; keys: number }[]>`
      SELECT count(*)::int AS rows, count(DISTINCT (sector, "oblastCode", status, score))::int AS keys FROM "ReviewSliceCount"`;
    expect(rows).toBe(keys);
  }, 120_000);

  it('equals the slice when needs close, reopen, change sector, move oblast or are deleted', async () => {
    const [first, second, third] = await db.$queryRaw<{ id: string }[]>`
      SELECT n.id FROM "Need" n WHERE EXISTS (SELECT 1 FROM "Match" m WHERE m."needId" = n.id AND m."inNeedTop") ORDER BY n.id LIMIT 3`;
    await db.need.update({ where: { id: first.id }, data: { status: 'CLOSED', closedAt: new Date() } });
    await expectExact('closed');
    await db.need.update({ where: { id: first.id }, data: { status: 'OPEN', closedAt: null } });
    await db.need.update({ where: { id: second.id }, data: { sector: 'HEALTH' } });
    const [far] = await db.$queryRaw<{ code: string }[]>`
      SELECT h.code FROM "Hromada" h WHERE h."oblastCode" <> (SELECT h2."oblastCode" FROM "Need" n JOIN "Hromada" h2 ON h2.code = n."hromadaCode" WHERE n.id = ${third.id}::uuid) LIMIT 1`;
    await db.need.update({ where: { id: third.id }, data: { hromadaCode: far.code } });
    await expectExact('reopened, new sector, moved');
    // Only the matchFloor moves: nothing changes in the slice.
    await db.need.updateMany({ data: { matchFloor: 7 } });
    await expectExact('floors');
    await db.matchDecision.deleteMany({ where: { needId: second.id } });
    await db.$executeRaw`DELETE FROM "Need" WHERE id = ${second.id}::uuid`;
    expect(await db.match.count({ where: { needId: second.id } })).toBe(0);
    await expectExact('need deleted with its pairs');
  }, 120_000);

  it('equals the slice after re-ranks, a rolled-back change and a second rebuild', async () => {
    const [m] = await someMatches(1, '"inNeedTop"');
    await rerankNeed(db, m.needId);
    await rerankCompany(db, m.companyId);
    await expectExact('re-ranks');
    await db.$transaction(async (tx) => {
      await tx.match.updateMany({ data: { status: 'AGREED' } });
      throw new Error('rolled back');
    }).catch(() => undefined);
    await expectExact('rolled back');
    await rebuildAllMatches(db, { threads: 1 });
    await expectExact('second rebuild');
    await db.$executeRaw`TRUNCATE "Match" CASCADE`;
    await expectExact('truncated');
  }, 180_000);
});
