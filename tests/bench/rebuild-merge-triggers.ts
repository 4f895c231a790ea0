/**
 * The rebuild's merge of a whole "Match" into an emptied one, with the review count's triggers
 * disabled (as the rebuild does) and dropped, alternately, on the world kept by top20-read.ts (run that
 * first). All in one transaction, rolled back. Needs DATABASE_URL set to anything (lib/env.ts).
 *
 *   DATABASE_URL=postgresql://x@127.0.0.1/x ROUNDS=2 npx tsx tests/bench/rebuild-merge-triggers.ts
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';
import { MERGE, STAGE_TABLE } from '../../lib/match-store/rebuild-write';
const server = await startEmbeddedPostgres({ dataDir: process.env.TOP20_DIR ?? '.data/pg-top20-100000x10000', port: 53402, persistent: true });
const client = new Client({ connectionString: server.urlFor('bench') });
await client.connect();
const triggers = ['Match_review_count_insert', 'Match_review_count_update', 'Match_review_count_delete'];
try {
  const { rows: [policy] } = await client.query(`SELECT max(version) AS version FROM "MatchingPolicy"`);
  await client.query('BEGIN');
  await client.query(`SET LOCAL work_mem = '256MB'`);
  await client.query(STAGE_TABLE);
  await client.query(`INSERT INTO rebuilt_match SELECT "needId", "companyId", score, points, "inNeedTop", "inCompanyTop" FROM "Match"`);
  await client.query('ANALYZE rebuilt_match');
  await client.query(`ALTER TABLE "Match" ${triggers.map((t) => `DISABLE TRIGGER "${t}"`).join(', ')}`);
  await client.query(`DELETE FROM "Match"`);
  await client.query(`ALTER TABLE "Match" ${triggers.map((t) => `ENABLE TRIGGER "${t}"`).join(', ')}`);
  await client.query('SAVEPOINT emptied');
  const variants: [string, string][] = [
    ['disabled (as the rebuild does)', `ALTER TABLE "Match" ${triggers.map((t) => `DISABLE TRIGGER "${t}"`).join(', ')}`],
    ['dropped', triggers.map((t) => `DROP TRIGGER "${t}" ON "Match"`).join('; ')],
  ];
  let last = Number((await client.query(`SELECT temp_bytes::bigint AS b FROM pg_stat_database WHERE datname = current_database()`)).rows[0].b);
  for (let round = 0; round < Number(process.env.ROUNDS ?? 2); round += 1) {
    for (const [title, setup] of round % 2 ? [...variants].reverse() : variants) {
      await client.query('ROLLBACK TO SAVEPOINT emptied');
      await client.query(setup);
      const before = loadavg()[0].toFixed(2);
      const started = performance.now();
      const result = await client.query(MERGE, ['2026-12-01', policy.version]);
      const ms = performance.now() - started;
      await client.query('SELECT pg_stat_force_next_flush()');
      await new Promise((r) => setTimeout(r, 1500));
      await client.query('SELECT pg_stat_clear_snapshot()');
      const bytes = Number((await client.query(`SELECT temp_bytes::bigint AS b FROM pg_stat_database WHERE datname = current_database()`)).rows[0].b);
      console.log(`merge of ${result.rowCount} rows into an empty "Match", review count triggers ${title}: ${(ms / 1000).toFixed(1)} s; temp files ${Math.round((bytes - last) / 2 ** 20)} MB; load ${before} → ${loadavg()[0].toFixed(2)}`);
      last = bytes;
    }
  }
  await client.query('ROLLBACK');
} finally {
  await client.end();
  await server.stop();
}
