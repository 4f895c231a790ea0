/**
 * Does a statement trigger with a transition table cost an INSERT while it is disabled? (The rebuild
 * disables the review count's triggers on "Match" during its merge.) Inserts ROWS (1,500,000) rows
 * into a fresh table with no trigger, with such a trigger disabled, enabled (a no-op), and with a
 * trigger without a transition table disabled; prints the time and the temporary files written.
 * WORK_MEM=1MB makes a capture spill, so the temporary files show whether rows were captured.
 *
 *   WORK_MEM=1MB ROUNDS=1 ROWS=300000 npx tsx tests/bench/transition-capture.ts
 */
import { Client } from 'pg';
import { createScratchDatabase } from '../../lib/database/scratch';
const scratch = await createScratchDatabase('kakehashi_capture');
const client = new Client({ connectionString: scratch.url });
await client.connect();
try {
  const rows = Number(process.env.ROWS ?? 1_500_000);
  await client.query(`DROP TABLE IF EXISTS capture_t`);
  await client.query(`CREATE OR REPLACE FUNCTION capture_noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END'`);
  const variants: [string, string[]][] = [
    ['no trigger', []],
    ['statement trigger with NEW TABLE, disabled', [`CREATE TRIGGER capture_ins AFTER INSERT ON capture_t REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION capture_noop()`, `ALTER TABLE capture_t DISABLE TRIGGER capture_ins`]],
    ['statement trigger with NEW TABLE, enabled (no-op)', [`CREATE TRIGGER capture_ins AFTER INSERT ON capture_t REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION capture_noop()`]],
    ['statement trigger without transition table, disabled', [`CREATE TRIGGER capture_ins AFTER INSERT ON capture_t FOR EACH STATEMENT EXECUTE FUNCTION capture_noop()`, `ALTER TABLE capture_t DISABLE TRIGGER capture_ins`]],
  ];
  let lastTemp = Number((await client.query(`SELECT temp_bytes::bigint AS b FROM pg_stat_database WHERE datname = current_database()`)).rows[0].b);
  for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round += 1) {
    for (const [title, setup] of variants) {
      await client.query('BEGIN');
      await client.query(`SET LOCAL work_mem = '${process.env.WORK_MEM ?? "256MB"}'`);
      await client.query(`CREATE TABLE capture_t (id int PRIMARY KEY, a int, b text, c uuid DEFAULT gen_random_uuid(), d smallint[] DEFAULT '{10,20,30,40,50,60,70,80,90}')`);
      for (const sql of setup) await client.query(sql);
      const started = performance.now();
      await client.query(`INSERT INTO capture_t SELECT g, g, repeat('x', 80) FROM generate_series(1, ${rows}) g`);
      const ms = performance.now() - started;
      await client.query('ROLLBACK');
      await client.query('SELECT pg_stat_force_next_flush()');
      await new Promise((r) => setTimeout(r, 1500));
      await client.query('SELECT pg_stat_clear_snapshot()');
      const temp = await client.query(`SELECT temp_bytes::bigint AS b FROM pg_stat_database WHERE datname = current_database()`);
      const bytes = Number(temp.rows[0].b);
      console.log(`${title}: ${Math.round(ms)} ms (temp files written ${Math.round((bytes - lastTemp) / 1e6)} MB)`);
      lastTemp = bytes;
    }
  }
} finally {
  await client.end();
  await scratch.drop();
}
