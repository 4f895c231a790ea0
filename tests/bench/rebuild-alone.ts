/**
 * (d) of bench:matching — the full rebuild — alone, again and again on one synthetic world kept in
 * a data folder of its own (built once), so that variants of the rebuild, or of the server's
 * settings, can be compared in the same window without building a world and re-ranking each time.
 *
 *   npx tsx tests/bench/rebuild-alone.ts
 *
 * Each round empties "Match" and "CompanyMatchProfile" and resets the needs' floors (the state
 * bench:matching rebuilds from: a world just built), checkpoints, then times rebuildAllMatches and
 * prints its phases, its write steps, the WAL it wrote, the checkpoints during it and the load.
 * REBUILD_AFTER=policy rebuilds once first and times a second rebuild under a new policy version
 * (every row rewritten in place) instead.
 * BENCH_COMPANIES / BENCH_NEEDS (100,000 × 10,000), REBUILD_DIR, REBUILD_PORT (53402),
 * REBUILD_ROUNDS (1), REBUILD_SETTINGS: `project` (EMBEDDED_SETTINGS, the default) or `postgres`
 * (PostgreSQL's own defaults) — the server is started with them for this run; REBUILD_MODULE
 * (lib/match-store): where rebuildAllMatches comes from (another version's copy, for A/B);
 * REBUILD_EXPLAIN=<file>: the server's log, with auto_explain's plans of statements over 1 s.
 */
import { loadavg } from 'node:os';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EMBEDDED_SETTINGS, startEmbeddedPostgres } from '../../lib/database/embedded-postgres';
import { createSyntheticWorld } from './synthetic-world';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const ROUNDS = Number(process.env.REBUILD_ROUNDS ?? 1);
const AFTER = process.env.REBUILD_AFTER ?? 'empty';
const SETTINGS = process.env.REBUILD_SETTINGS ?? 'project';
const MODULE = process.env.REBUILD_MODULE ?? 'lib/match-store';
const dataDir = process.env.REBUILD_DIR ?? `.data/pg-rebuild-${COMPANIES}x${NEEDS}`;
const round = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const EXPLAIN = process.env.REBUILD_EXPLAIN;
const server = await startEmbeddedPostgres({
  dataDir, port: Number(process.env.REBUILD_PORT ?? 53402), persistent: true,
  settings: SETTINGS === 'postgres' ? {} : EMBEDDED_SETTINGS,
  // The plans auto_explain logs (REBUILD_EXPLAIN=<file>), for the statements of a second or more.
  onLog: EXPLAIN ? (line) => appendFileSync(EXPLAIN, line) : undefined,
});
const url = server.urlFor('bench');
try {
  const admin = new Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'bench'`)).rowCount === 1;
  await admin.end();
  process.env.DATABASE_URL = url;
  const { createDb } = await import('../../lib/db');
  if (!exists) {
    await server.createDatabase('bench');
    const { prepareDatabase } = await import('../../lib/database/prepare');
    await prepareDatabase(url);
    const db = createDb(url, 4);
    await createSyntheticWorld(db, { companies: COMPANIES, needs: NEEDS });
    await db.$disconnect();
    console.log(`built ${COMPANIES} × ${NEEDS}`);
  }
  const { rebuildAllMatches } = (await import(path.resolve(MODULE))) as typeof import('../../lib/match-store');
  const explained = new URL(url);
  // Row counts and buffers, without per-node timing (which would slow the statements it explains).
  if (EXPLAIN) explained.searchParams.set('options', '-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=1000 -c auto_explain.log_analyze=on -c auto_explain.log_timing=off -c auto_explain.log_buffers=on -c auto_explain.log_triggers=on -c auto_explain.log_nested_statements=off');
  const db = createDb(explained.toString(), 4);
  const one = async <T>(sql: string) => (await db.$queryRawUnsafe<T[]>(sql))[0];
  const settings = await db.$queryRawUnsafe<{ name: string; setting: string; unit: string | null }[]>(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_buffers', 'data_checksums')`);
  console.log(`settings (${SETTINGS}): ${settings.map((s) => `${s.name}=${s.setting}${s.unit ? ` × ${s.unit}` : ''}`).join(', ')}`);
  for (let r = 0; r < ROUNDS; r += 1) {
    await db.$executeRawUnsafe(`TRUNCATE "Match", "CompanyMatchProfile"`);
    await db.$executeRawUnsafe(`UPDATE "Need" SET "matchFloor" = -1 WHERE "matchFloor" <> -1`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Need", "Match", "CompanyMatchProfile"`);
    if (AFTER === 'policy') {
      await rebuildAllMatches(db);
      await db.$executeRawUnsafe(`INSERT INTO "MatchingPolicy" (version, weights, "hardConstraints", "createdAt")
        SELECT version + 1, weights, "hardConstraints", now() FROM "MatchingPolicy" ORDER BY version DESC LIMIT 1`);
    }
    await db.$executeRawUnsafe('CHECKPOINT');
    const before = await one<{ lsn: string; requested: string; timed: string }>(
      `SELECT pg_current_wal_lsn()::text AS lsn, num_requested::text AS requested, num_timed::text AS timed FROM pg_stat_checkpointer`);
    const startLoad = load();
    const started = performance.now();
    const outcome = await rebuildAllMatches(db);
    const seconds = (performance.now() - started) / 1000;
    const after = await one<{ wal: string; requested: string; timed: string; match: string }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '${before.lsn}')::text AS wal, num_requested::text AS requested,
        num_timed::text AS timed, pg_total_relation_size('"Match"')::text AS match FROM pg_stat_checkpointer`);
    const phases = Object.fromEntries(Object.entries(outcome.seconds).map(([k, v]) => [k, round(v)]));
    console.log(`round ${r + 1} (${AFTER}, ${MODULE}, ${SETTINGS} settings): rebuild ${round(seconds)} s, ${outcome.matches.toLocaleString('en')} matches, ${outcome.threads} thread(s); phases ${JSON.stringify(phases)} s; ` +
      `write steps ${JSON.stringify(outcome.writeMs)} ms; WAL ${round(Number(after.wal) / 2 ** 20)} MB; ` +
      `checkpoints requested ${Number(after.requested) - Number(before.requested)}, timed ${Number(after.timed) - Number(before.timed)}; ` +
      `Match ${Math.round(Number(after.match) / 2 ** 20)} MB; load ${startLoad} → ${load()}`);
  }
  await db.$disconnect();
} finally {
  await server.stop();
}
