/**
 * EXPLAIN (ANALYZE, BUFFERS) of the rebuild's merge into "Match" on a synthetic world, as a first
 * rebuild meets it (an empty table) and as a second one does (every row in place): the plans
 * behind docs/benchmarks/raw/. BENCH_COMPANIES / BENCH_NEEDS as for bench:matching (10,000 × 1,000).
 * Everything runs in a transaction that is rolled back.
 */
import { loadavg } from 'node:os';
import { createScratchDatabase } from '../../lib/database/scratch';
import { createSyntheticWorld } from './synthetic-world';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 1_000);
const scratch = await createScratchDatabase('kakehashi_explain');
try {
  process.env.DATABASE_URL = scratch.url;
  const { prepareDatabase } = await import('../../lib/database/prepare');
  const { createDb, poolOf } = await import('../../lib/db');
  const { rebuildAllMatches } = await import('../../lib/match-store');
  const { MERGE, STAGE_TABLE } = await import('../../lib/match-store/rebuild-write');
  await prepareDatabase(scratch.url);
  const db = createDb(scratch.url, 4);
  await createSyntheticWorld(db, { companies: COMPANIES, needs: NEEDS });
  await rebuildAllMatches(db);
  const { rows: [policy] } = await poolOf(db).query<{ version: number }>(`SELECT max(version) AS version FROM "MatchingPolicy"`);
  const client = await poolOf(db).connect();
  const explain = async (title: string) => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${MERGE}`, ['2026-12-01', policy.version]);
    console.log(`\n## ${title} (load ${loadavg().map((n) => n.toFixed(2)).join(' ')})\n`);
    console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  };
  await client.query('BEGIN');
  await client.query(`SET LOCAL work_mem = '256MB'`);
  await client.query(STAGE_TABLE);
  await client.query(`INSERT INTO rebuilt_match SELECT "needId", "companyId", score + 1, points, "inNeedTop", "inCompanyTop" FROM "Match"`);
  await client.query('ANALYZE rebuilt_match');
  await client.query('SAVEPOINT staged');
  await explain(`Second rebuild, every row's score moved by one: ${COMPANIES} × ${NEEDS}`);
  await client.query('ROLLBACK TO SAVEPOINT staged');
  await client.query(`DELETE FROM "Match"`);
  await client.query('SAVEPOINT emptied');
  await explain(`First rebuild (empty "Match"): ${COMPANIES} × ${NEEDS}`);
  if (process.env.VARIANTS) {
    const time = async (title: string, sql: string, params: unknown[] = []) => {
      await client.query('ROLLBACK TO SAVEPOINT emptied');
      const started = performance.now();
      await client.query(sql, params);
      console.log(`${title}: ${Math.round(performance.now() - started)} ms`);
    };
    const plain = `INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "computedAt", "updatedAt")
      SELECT uuidv7(), s."needId", s."companyId", s.score, s.points, $1::date, $2::int, s."inNeedTop", s."inCompanyTop", now(), now() FROM rebuilt_match s`;
    await time('merge as is', MERGE, ['2026-12-01', policy.version]);
    await time('plain insert, no order', plain, ['2026-12-01', policy.version]);
    await time('plain insert, ordered', `${plain} ORDER BY s."needId", s."companyId"`, ['2026-12-01', policy.version]);
    for (const index of ['Match_pkey', 'Match_needId_companyId_key', 'Match_needId_inNeedTop_score_idx', 'Match_companyId_inCompanyTop_score_needId_idx', 'Match_status_idx', 'Match_review_queue_idx']) {
      await client.query('ROLLBACK TO SAVEPOINT emptied');
      const isConstraint = index === 'Match_pkey' || index === 'Match_needId_companyId_key';
      await client.query(isConstraint ? `ALTER TABLE "Match" DROP CONSTRAINT IF EXISTS "${index}" CASCADE` : `DROP INDEX "${index}"`).catch((e) => console.log(index, e.message));
      const started = performance.now();
      await client.query(`${plain} ORDER BY s."needId", s."companyId"`, ['2026-12-01', policy.version]);
      console.log(`plain ordered without ${index}: ${Math.round(performance.now() - started)} ms`);
    }
    for (const fk of ['Match_needId_fkey', 'Match_companyId_fkey', 'Match_policyVersion_fkey']) {
      await client.query('ROLLBACK TO SAVEPOINT emptied');
      await client.query(`ALTER TABLE "Match" DROP CONSTRAINT "${fk}"`);
      const started = performance.now();
      await client.query(`${plain} ORDER BY s."needId", s."companyId"`, ['2026-12-01', policy.version]);
      console.log(`plain ordered without ${fk}: ${Math.round(performance.now() - started)} ms`);
    }
  }
  if (process.env.TRIGGERS) {
    // The merge into an empty "Match" with the review count's statement triggers as they are, switched
    // off as the rebuild does (ALTER TABLE … DISABLE TRIGGER), and dropped: does a disabled trigger
    // with transition tables still cost the merge? Twice each, alternately.
    const triggers = ['Match_review_count_insert', 'Match_review_count_update', 'Match_review_count_delete'];
    const variants: [string, string | null][] = [
      ['enabled', null],
      ['disabled', `ALTER TABLE "Match" ${triggers.map((t) => `DISABLE TRIGGER "${t}"`).join(', ')}`],
      ['dropped', triggers.map((t) => `DROP TRIGGER "${t}" ON "Match"`).join('; ')],
    ];
    for (let round = 0; round < Number(process.env.TRIGGERS); round += 1) {
      for (const [title, setup] of variants) {
        await client.query('ROLLBACK TO SAVEPOINT emptied');
        if (setup) await client.query(setup);
        await client.query('CHECKPOINT').catch(() => undefined);
        const started = performance.now();
        await client.query(MERGE, ['2026-12-01', policy.version]);
        console.log(`merge into an empty "Match", review count triggers ${title}: ${Math.round(performance.now() - started)} ms (load ${loadavg()[0].toFixed(2)})`);
      }
    }
  }
  await client.query('ROLLBACK');

  // The list floors of a second rebuild: every company's floor is set; the rebuild gives them all again.
  const plan = async (title: string, sql: string, params: unknown[] = []) => {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    console.log(`\n## ${title} (load ${loadavg().map((n) => n.toFixed(2)).join(' ')})\n`);
    console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  };
  const { rows: floors } = await client.query<{ id: string; floor: number }>(`SELECT "companyId" AS id, "matchFloor" AS floor FROM "CompanyMatchProfile"`);
  console.log(`\n${floors.filter((f) => f.floor !== -1).length} of ${floors.length} company floors set`);
  await client.query('BEGIN');
  await plan('Before: floors reset where the company is not among the rebuilt ones (<> ALL of every id)',
    `UPDATE "CompanyMatchProfile" SET "matchFloor" = -1 WHERE "matchFloor" <> -1 AND "companyId" <> ALL($1::uuid[])`, [floors.map((f) => f.id)]);
  await client.query('ROLLBACK');
  await client.query('BEGIN');
  await client.query(`CREATE TEMPORARY TABLE rebuilt_floor (side char, id uuid, floor int) ON COMMIT DROP`);
  await client.query(`INSERT INTO rebuilt_floor SELECT 'C', "companyId", "matchFloor" FROM "CompanyMatchProfile"`);
  await client.query('ANALYZE rebuilt_floor');
  await plan('After: floors reset by an anti-join with the staged floors',
    `UPDATE "CompanyMatchProfile" t SET "matchFloor" = -1 WHERE t."matchFloor" <> -1
      AND NOT EXISTS (SELECT 1 FROM rebuilt_floor f WHERE f.side = 'C' AND f.id = t."companyId")`);
  await plan('After: floors set from the staged floors (only those that moved)',
    `UPDATE "CompanyMatchProfile" t SET "matchFloor" = f.floor FROM rebuilt_floor f
      WHERE f.side = 'C' AND t."companyId" = f.id AND t."matchFloor" <> f.floor`);
  await client.query('ROLLBACK');
  client.release();
  await db.$disconnect();
} finally {
  await scratch.drop();
}
