/**
 * A need's top 20 — (c) of bench:matching — measured again and again on one synthetic world kept
 * in a data folder of its own (built once: the world and a full rebuild), so that variants of the
 * read can be compared in the same window. Each round opens a fresh pool of 4 connections, as the
 * benchmark does, so the first executions on each connection count as they do there.
 *
 *   npx tsx tests/bench/top20-read.ts [module ...]
 *
 * Each module (default: lib/match-store) must export listMatchesForNeed; rounds alternate between
 * them. BENCH_COMPANIES / BENCH_NEEDS (100,000 × 10,000), TOP20_DIR (.data/pg-top20), TOP20_PORT,
 * TOP20_ROUNDS (4), TOP20_SAMPLES (150, as bench:matching). The time of the list's own statement is
 * taken by wrapping the pool's query for named statements: the rest of a read is the JS (and the
 * access check).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';
import { createSyntheticWorld, seededRandom } from './synthetic-world';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const ROUNDS = Number(process.env.TOP20_ROUNDS ?? 4);
const SAMPLES = Number(process.env.TOP20_SAMPLES ?? 150);
const dataDir = process.env.TOP20_DIR ?? `.data/pg-top20-${COMPANIES}x${NEEDS}`;
const modules = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['lib/match-store'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
const url = server.urlFor('bench');
try {
  const admin = new Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'bench'`)).rowCount === 1;
  await admin.end();
  process.env.DATABASE_URL = url;
  const { createDb, poolOf } = await import('../../lib/db');
  if (!exists) {
    await server.createDatabase('bench');
    const { prepareDatabase } = await import('../../lib/database/prepare');
    await prepareDatabase(url);
    const db = createDb(url, 4);
    const started = performance.now();
    await createSyntheticWorld(db, { companies: COMPANIES, needs: NEEDS });
    const { rebuildAllMatches } = await import('../../lib/match-store');
    const rebuild = await rebuildAllMatches(db);
    console.log(`built ${COMPANIES} × ${NEEDS} and rebuilt in ${round((performance.now() - started) / 1000)} s (${JSON.stringify(rebuild.seconds)})`);
    await db.$disconnect();
  }
  type List = (db: unknown, actor: unknown, id: string, filter: unknown) => Promise<{ items: unknown[] }>;
  const lists: { name: string; list: List }[] = [];
  for (const name of modules) {
    const mod = (await import(path.resolve(name))) as { listMatchesForNeed: List };
    lists.push({ name, list: mod.listMatchesForNeed });
  }
  const facilitator = { userId: 'bench', role: 'FACILITATOR' as const, companyId: null, municipalityId: null };
  const seedDb = createDb(url, 1);
  const needIds = (await seedDb.need.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((n) => n.id);
  await seedDb.$disconnect();
  let captured: { text: string; values: unknown[] } | undefined;
  const results = new Map(lists.map(({ name }) => [name, [] as string[]]));
  for (let round_ = 0; round_ < ROUNDS; round_ += 1) {
    // Each module in turn, the order flipped every round; each read samples needs of its own (a need
    // read just before by the other module would be warm in the buffer cache).
    for (const [index, { name, list }] of (round_ % 2 === 0 ? lists : [...lists].reverse()).entries()) {
      const random = seededRandom(7 + round_ * 10 + index + (round_ % 2 === 0 ? 0 : 5));
      const ids = Array.from({ length: SAMPLES }, () => needIds[Math.floor(random() * needIds.length)]);
      const db = createDb(url, 4);
      const pool = poolOf(db);
      let statementMs = 0;
      const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
      (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
        const named = typeof args[0] === 'object' && args[0] !== null && 'name' in args[0];
        if (named) captured = args[0] as { text: string; values: unknown[] };
        const started = performance.now();
        const result = await original(...args);
        if (named) statementMs += performance.now() - started;
        return result;
      };
      // bench:matching's pool is connected by the re-ranks before (c): connect first, untimed.
      await original('SELECT 1');
      const total: number[] = [];
      const statement: number[] = [];
      const loadBefore = load();
      for (const id of ids) {
        statementMs = 0;
        const started = performance.now();
        await list(db, facilitator, id, { pageSize: 20 });
        total.push(performance.now() - started);
        statement.push(statementMs);
      }
      const rest = total.map((t, i) => t - statement[i]);
      // The first five executions of the named statement on a connection are planned for their values
      // (custom plans); sequential reads reuse one connection, so these are the round's first five.
      const firstFive = total.slice(0, 5);
      const line = `round ${round_ + 1} ${name}: total p50 ${round(percentile(total, 50))} p95 ${round(percentile(total, 95))} max ${round(Math.max(...total))} | statement p50 ${round(percentile(statement, 50))} p95 ${round(percentile(statement, 95))} | rest p50 ${round(percentile(rest, 50))} p95 ${round(percentile(rest, 95))} | first 5 reads (custom plans) ${firstFive.map(round).join(', ')}; p95 without them ${round(percentile(total.slice(5), 95))} | load ${loadBefore} → ${load()}`;
      console.log(line);
      results.get(name)!.push(line);
      // Sequential reads reuse the pool's last idle connection: its prepared statements say how each was planned.
      const plans = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
        `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements`);
      console.log(`  plans on the last connection: ${plans.rows.map((r) => `${r.name} generic ${r.generic_plans} custom ${r.custom_plans}`).join('; ')}`);
      if (process.env.TOP20_EXPLAIN && captured) {
        const client = new Client({ connectionString: url });
        await client.connect();
        for (const mode of ['auto', 'force_custom_plan', 'force_generic_plan']) {
          await client.query(`SET plan_cache_mode = ${mode}`);
          const sizes: number[] = [];
          for (let i = 0; i < 7; i += 1) {
            const started = performance.now();
            const result = await client.query({ name: `explained_${mode}`, text: captured.text, values: captured.values });
            sizes.push(performance.now() - started);
            if (i === 0) console.log(`rows ${result.rows.length}, ${JSON.stringify(result.rows).length} characters as JSON; needInput ${JSON.stringify(result.rows[0]?.needInput ?? null).length} characters a row`);
          }
          console.log(`client-side times of 7 executions (${mode}): ${sizes.map(round).join(', ')} ms`);
          const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`);
          const plan = await client.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS, SUMMARY) EXECUTE explained_${mode}(${captured.values.map(literal).join(', ')})`);
          console.log(`\n### plan_cache_mode = ${mode}, 8th execution of the prepared statement (load ${load()})\n`);
          console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
        await client.end();
      }
      pool.on('error', () => {});
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    }
  }
} catch (error) {
  console.error(error);
} finally {
  await server.stop();
}
