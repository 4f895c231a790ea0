/**
 * A need's read of its sector with the covering index of eligible profiles (this schema: both
 * sector indexes) against the plain sector index alone (main before session 13), interleaved on one
 * kept world: the bench's 30 sampled needs (seed 7 over the needs in physical order, as
 * bench:matching draws them), each read both ways per round, the order flipped every need. The
 * plain way is main's plan exactly: the covering index is dropped inside a transaction that is
 * rolled back after the read (the table's catalogue entry is read once after the drop, untimed).
 *
 *   REBUILD_DIR=.data/pg-rebuild-100000x10000 npx tsx tests/bench/sector-scan-ab.ts [rounds]
 *
 * The world is rebuild-alone.ts's (build it with that script first); pending migrations are applied
 * and the profiles vacuumed, as a rebuild leaves them. SCAN_DEGRADE=n then rewrites n random
 * profiles' floors (as n re-ranks moving a floor would: each takes its page out of the visibility
 * map) with the table's autovacuum off for the run, to show the read between two vacuums.
 * Prints the client's round trip (array mode, as the re-rank reads) and the server's execution
 * (EXPLAIN ANALYZE without per-node timing) for each way, and the share of all-visible pages.
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';

const ROUNDS = Number(process.argv[2] ?? 5);
const COVERING = 'CompanyMatchProfile_sector_scan_idx';
const dataDir = process.env.REBUILD_DIR ?? '.data/pg-rebuild-100000x10000';
const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.REBUILD_PORT ?? 53402), persistent: true });
const url = server.urlFor('bench');
process.env.DATABASE_URL = url;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const at = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor(p * (values.length - 1))].toFixed(1);

try {
  const { prepareDatabase } = await import('../../lib/database/prepare');
  await prepareDatabase(url);
  const { createDb } = await import('../../lib/db');
  const { getCurrentPolicy } = await import('../../lib/match-store');
  const { loadNeedsWithSites } = await import('../../lib/match-store/inputs');
  const { needPairsStatement } = await import('../../lib/match-store/need-pairs');
  const { prepareNeed } = await import('../../lib/matching/prepare');
  const { Prisma } = await import('../../lib/generated/prisma/client');
  const { seededRandom } = await import('./synthetic-world');
  const db = createDb(url, 2);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`VACUUM ANALYZE "CompanyMatchProfile"`);
  const degrade = Number(process.env.SCAN_DEGRADE ?? 0);
  if (degrade > 0) {
    await client.query(`ALTER TABLE "CompanyMatchProfile" SET (autovacuum_enabled = off)`);
    await client.query(`UPDATE "CompanyMatchProfile" SET "matchFloor" = "matchFloor"
      WHERE "companyId" IN (SELECT "companyId" FROM "CompanyMatchProfile" ORDER BY random() LIMIT $1)`, [degrade]);
  }
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_visibility');
  const { rows: [visible] } = await client.query<{ share: string }>(`
    SELECT round(100.0 * count(*) FILTER (WHERE all_visible) / count(*), 1)::text AS share FROM pg_visibility_map('"CompanyMatchProfile"')`);
  console.log(`${degrade} floors rewritten since the vacuum; ${visible.share} % of the profiles' pages all-visible`);

  const physical = (await client.query<{ id: string }>(`SELECT id::text AS id FROM "Need"`)).rows.map((row) => row.id);
  const random = seededRandom(7);
  const sample = Array.from({ length: 30 }, () => physical[Math.floor(random() * physical.length)]);
  const policy = await getCurrentPolicy(db);
  const asOf = new Date();
  const statements = await Promise.all(sample.map(async (id) => {
    const [input] = await loadNeedsWithSites(db, Prisma.sql`n.id = ${id}::uuid`);
    return needPairsStatement(id, input ? { input, prepared: prepareNeed(input, asOf) } : null, policy, asOf);
  }));

  const ways = { plain: { trip: [] as number[], server: [] as number[] }, covering: { trip: [] as number[], server: [] as number[] } };
  console.log(`load at start ${load()}`);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, statement] of statements.entries()) {
      for (const way of (round + i) % 2 === 0 ? (['plain', 'covering'] as const) : (['covering', 'plain'] as const)) {
        await client.query('BEGIN');
        if (way === 'plain') {
          await client.query(`DROP INDEX "${COVERING}"`);
          await client.query(`EXPLAIN SELECT 1 FROM "CompanyMatchProfile" WHERE "sectorMask" = 1`);
        }
        const started = performance.now();
        await client.query({ ...statement, rowMode: 'array' });
        ways[way].trip.push(performance.now() - started);
        const plan = (await client.query({ text: `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) ${statement.text}`, values: statement.values }))
          .rows.map((row) => String(row['QUERY PLAN'])).join('\n');
        await client.query('ROLLBACK');
        ways[way].server.push(Number(/Execution Time: ([\d.]+)/.exec(plan)![1]));
        const scan = /(Index Only Scan|Bitmap Heap Scan|Index Scan|Seq Scan)[^\n]* on "CompanyMatchProfile"/.exec(plan)?.[1];
        if (round === 0 && i === 0) console.log(`${way}: ${scan}`);
        if (way === 'covering' && scan !== 'Index Only Scan' && round === 0) console.log(`  need ${i + 1}: ${scan} with the covering index`);
      }
    }
  }
  for (const [way, { trip, server: executed }] of Object.entries(ways)) {
    const sum = trip.reduce((total, ms) => total + ms, 0);
    console.log(`${way}: round trip p50 ${at(trip, 0.5)} p95 ${at(trip, 0.95)} ms, sum ${sum.toFixed(0)} ms; server execution p50 ${at(executed, 0.5)} p95 ${at(executed, 0.95)} ms (${trip.length} reads)`);
  }
  console.log(`load at end ${load()}`);
  if (degrade > 0) await client.query(`ALTER TABLE "CompanyMatchProfile" RESET (autovacuum_enabled)`);
  await client.end();
  await db.$disconnect();
} finally {
  await server.stop();
}
