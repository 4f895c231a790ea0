/**
 * EXPLAIN (ANALYZE, BUFFERS) of a need's stored pairs read as session 6 left it (readNeedPairs, then
 * in lib/match-store/refresh.ts; since session 7 one statement with the other candidates, in
 * need-pairs.ts: tests/bench/need-read-explain.ts), before and after it joined only the need's sector's profiles, on a
 * world kept by top20-read.ts (build it first with TOP20_ROUNDS=0). The needs with the most stored
 * pairs are explained, each statement three times (the last run is printed).
 *
 *   BENCH_COMPANIES=30000 BENCH_NEEDS=3000 TOP20_PORT=53417 npx tsx tests/bench/stored-pairs-explain.ts
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const ROUNDS = Number(process.env.PAIRS_ROUNDS ?? 25);
const dataDir = process.env.TOP20_DIR ?? `.data/pg-top20-${COMPANIES}x${NEEDS}`;

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
// lib/ reads its environment when imported.
process.env.DATABASE_URL = server.urlFor('bench');
const { PROFILE_COLUMNS_AFTER_ID_OF_P, sectorMasksHolding } = await import('../../lib/match-store/profiles');
const { NOBODY_ACTED_ON } = await import('../../lib/match-store/write');
const select = `SELECT NOT (${NOBODY_ACTED_ON.sql}), "Match"."inCompanyTop", "Match"."inNeedTop", "Match".score,
    "Match".points::text, to_char("Match"."judgedOn", 'YYYY-MM-DD'), "Match"."policyVersion", "Match"."companyId", ${PROFILE_COLUMNS_AFTER_ID_OF_P}`;
const BEFORE = `${select}
  FROM "Match" LEFT JOIN "CompanyMatchProfile" p ON p."companyId" = "Match"."companyId" AND p."isEligible"
  WHERE "Match"."needId" = $1`;
const SECTOR = `${select}
  FROM "Match" LEFT JOIN "CompanyMatchProfile" p ON p."companyId" = "Match"."companyId" AND p."isEligible" AND p."sectorMask" = ANY($2::int[])
  WHERE "Match"."needId" = $1`;
// Each pair's profile by its primary key (the LIMIT keeps the planner from turning it into a join).
const LATERAL = `${select}
  FROM "Match" LEFT JOIN LATERAL (SELECT * FROM "CompanyMatchProfile" p WHERE p."companyId" = "Match"."companyId" AND p."isEligible" LIMIT 1) p ON true
  WHERE "Match"."needId" = $1`;

try {
  const client = new Client({ connectionString: server.urlFor('bench') });
  await client.connect();
  const { rows: needs } = await client.query<{ id: string; sector: string; pairs: number }>(`
    SELECT n.id::text, n.sector::text, count(*)::int AS pairs FROM "Match" m JOIN "Need" n ON n.id = m."needId"
    GROUP BY n.id ORDER BY count(*) DESC LIMIT 2`);
  console.log(`load at start ${loadavg().map((n) => n.toFixed(2)).join(' ')}; profiles ${(await client.query('SELECT count(*) FROM "CompanyMatchProfile"')).rows[0].count}`);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  for (const need of needs) {
    const variants = [
      ['before', BEFORE, [need.id]],
      ['sector as a value', SECTOR, [need.id, sectorMasksHolding(need.sector)]],
      ['profile by primary key', LATERAL, [need.id]],
    ] as const;
    // Interleaved: each round runs every variant once, as the client reads it (array mode) and as
    // the server executes it (EXPLAIN ANALYZE without per-node timing).
    const client_ = new Map<string, number[]>(variants.map(([name]) => [name, []]));
    const server_ = new Map<string, number[]>(variants.map(([name]) => [name, []]));
    for (let run = 0; run < ROUNDS; run += 1) {
      for (const [name, text, values] of variants) {
        const started = performance.now();
        await client.query({ text, values: [...values], rowMode: 'array' });
        client_.get(name)!.push(performance.now() - started);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, TIMING OFF) ${text}`, values: [...values] });
        server_.get(name)!.push(Number(/Execution Time: ([\d.]+)/.exec(rows.map((row) => row['QUERY PLAN']).join('\n'))![1]));
      }
    }
    for (const [name, text, values] of variants) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values: [...values] });
      const plan = rows.map((row) => row['QUERY PLAN']).filter((line) => !/^\s*Output:/.test(line)).join('\n')
        .replace(/'\{[\d,]+\}'/g, '<every mask holding the sector>');
      const fmt = (values: number[]) => `median ${median(values).toFixed(1)} ms, min ${Math.min(...values).toFixed(1)} ms`;
      console.log(`\n== ${name}: need ${need.id} (${need.sector}, ${need.pairs} stored pairs)
${ROUNDS} rounds: server ${fmt(server_.get(name)!)}; client round trip ${fmt(client_.get(name)!)}
${plan}`);
    }
  }
  console.log(`\nload at end ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  await client.end();
} finally {
  await server.stop();
}
