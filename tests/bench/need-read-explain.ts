/**
 * What a need's re-rank reads before it scores, for the needs with the most stored pairs, on a
 * world kept by top20-read.ts (build it first with TOP20_ROUNDS=0): each module's statements are
 * caught on their way to the pool during one re-rank (those that read "CompanyMatchProfile"), then
 * run again and again, interleaved, as the client reads them (array mode) and as the server
 * executes them (EXPLAIN ANALYZE without per-node timing); the last run of each is printed with
 * EXPLAIN (ANALYZE, BUFFERS, SERIALIZE).
 *
 *   TOP20_DIR=.data/pg-nr-100000x10000 TOP20_PORT=53401 npx tsx tests/bench/need-read-explain.ts [module ...]
 *
 * Each module (default: lib/match-store) must export rerankNeed and sit next to its db.ts (a copy
 * of main's lib, `git archive main lib prisma`, compares the code before a change). PAIRS_ROUNDS
 * (15), PAIRS_NEEDS (2).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const ROUNDS = Number(process.env.PAIRS_ROUNDS ?? 15);
const dataDir = process.env.TOP20_DIR ?? `.data/pg-top20-${COMPANIES}x${NEEDS}`;
const modules = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['lib/match-store'];

type Statement = { text: string; values: unknown[] };
type Pool = { query: (...args: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>; end: () => Promise<void> };
type Module = { rerankNeed: (db: unknown, id: string) => Promise<unknown> };
type DbModule = { createDb: (url: string, size: number) => { $disconnect(): Promise<void> }; poolOf: (db: unknown) => Pool };

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
const url = server.urlFor('bench');
// lib/ reads its environment when imported.
process.env.DATABASE_URL = url;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The statements one re-rank of the need sends through the pool that read profiles. */
async function statementsOf(name: string, needId: string): Promise<Statement[]> {
  const mod = (await import(path.resolve(name))) as Module;
  const { createDb, poolOf } = (await import(path.resolve(name, '../db'))) as DbModule;
  const db = createDb(url, 4);
  const pool = poolOf(db);
  const caught: Statement[] = [];
  const original = pool.query.bind(pool);
  pool.query = async (...args: unknown[]) => {
    const statement = args[0] as Partial<Statement>;
    if (typeof statement === 'object' && statement?.text?.includes('"CompanyMatchProfile"')) caught.push({ text: statement.text, values: statement.values ?? [] });
    return original(...args);
  };
  await mod.rerankNeed(db, needId);
  await db.$disconnect();
  await pool.end().catch(() => undefined);
  return caught;
}

try {
  const { createDb, poolOf } = (await import(path.resolve('lib/db'))) as DbModule;
  const db = createDb(url, 1);
  const pool = poolOf(db);
  const { rows: needs } = await pool.query(`
    SELECT "needId"::text AS id, count(*)::int AS pairs FROM "Match" GROUP BY "needId" ORDER BY count(*) DESC LIMIT ${Number(process.env.PAIRS_NEEDS ?? 2)}`);
  console.log(`load at start ${load()}`);
  for (const need of needs as { id: string; pairs: number }[]) {
    const sets = await Promise.all(modules.map(async (name) => ({ name, statements: await statementsOf(name, need.id) })));
    const client = new Map(sets.map(({ name }) => [name, [] as number[]]));
    const serverMs = new Map(sets.map(({ name }) => [name, [] as number[]]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const { name, statements } of round % 2 === 0 ? sets : [...sets].reverse()) {
        let clientMs = 0;
        let executed = 0;
        for (const statement of statements) {
          const started = performance.now();
          await pool.query({ ...statement, rowMode: 'array' });
          clientMs += performance.now() - started;
          const { rows } = await pool.query({ text: `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) ${statement.text}`, values: statement.values });
          const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
          executed += Number(/Planning Time: ([\d.]+)/.exec(plan)![1]) + Number(/Execution Time: ([\d.]+)/.exec(plan)![1]);
        }
        client.get(name)!.push(clientMs);
        serverMs.get(name)!.push(executed);
      }
    }
    console.log(`\n## need ${need.id} (${need.pairs} stored pairs), load ${load()}`);
    for (const { name, statements } of sets) {
      const fmt = (values: number[]) => `median ${median(values).toFixed(1)} ms, min ${Math.min(...values).toFixed(1)} ms`;
      console.log(`\n### ${name}: ${statements.length} statement(s); ${ROUNDS} rounds: server (planning + execution) ${fmt(serverMs.get(name)!)}; client round trip ${fmt(client.get(name)!)}`);
      for (const statement of statements) {
        const { rows } = await pool.query({ text: `EXPLAIN (ANALYZE, BUFFERS, SERIALIZE) ${statement.text}`, values: statement.values });
        console.log('\n```\n' + rows.map((row) => String(row['QUERY PLAN']))
          .map((line) => line.replace(/'\{[\d,]+\}'/g, '<every mask holding the sector>').replace(/'\{[0-9a-f,-]{200,}\}'/g, '<the stored pairs\' company ids>'))
          .map((line) => (line.length > 400 ? `${line.slice(0, 400)} …` : line)).join('\n') + '\n```');
      }
    }
  }
  console.log(`\nload at end ${load()}`);
  await db.$disconnect();
  await pool.end().catch(() => undefined);
} finally {
  await server.stop();
}
