/**
 * EXPLAIN (ANALYZE, BUFFERS) of the queries the heaviest signed-in pages send, exactly as
 * Prisma sends them: captures each statement from the pg driver while the page's lib function
 * runs, then explains it with the same parameters. For docs/benchmarks/pages.md.
 *
 *   DATABASE_URL=postgres://… npx tsx tests/bench/explain-pages.ts
 */
import pg from 'pg';

type Captured = { text: string; values: unknown[] };
const captured: Captured[] = [];
const original = pg.Client.prototype.query;
let capturing = false;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  if (capturing) {
    const text = typeof config === 'string' ? config : config.text;
    if (/^\s*SELECT/i.test(text)) captured.push({ text, values: (typeof config === 'string' ? values : config.values ?? values) ?? [] });
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

const { createDb, poolOf } = await import('../../lib/db');
const { listReviewQueue } = await import('../../lib/match-decisions/review-queue');
const { getDashboard } = await import('../../lib/platform/dashboard');
const { listNeedMapPoints } = await import('../../lib/needs/public-needs');
const { countOpenNeedsByHromada } = await import('../../lib/needs/open-need-counts');
const { countReviewSlice } = await import('../../lib/match-decisions/review-slice');
const db = createDb(process.env.DATABASE_URL!, 2);
const actor = { userId: '00000000-0000-0000-0000-000000000000', role: 'FACILITATOR' as const, companyId: null, municipalityId: null };

const cases: [string, () => Promise<unknown>][] = [
  ['review queue, first page', () => listReviewQueue(db, actor, { minScore: 0, page: 1 })],
  ['review queue, page 50', () => listReviewQueue(db, actor, { minScore: 0, page: 50 })],
  ['review queue, sector + score ≥ 60', () => listReviewQueue(db, actor, { minScore: 60, page: 1, sector: 'WATER_SANITATION' })],
  ['dashboard', () => getDashboard(db, actor)],
  // The dashboard's map: every open need with its title (until session 6), then counts only.
  ['dashboard map, need titles (listNeedMapPoints)', () => listNeedMapPoints(db, {})],
  ['dashboard map, counts (countOpenNeedsByHromada)', () => countOpenNeedsByHromada(db)],
  // The facilitator's to-do item "strong matches" (lib/platform/to-do.ts): until session 6, then from the counts.
  ['to-do strong matches, visiting Match', () => db.match.count({ where: { status: 'SUGGESTED', inNeedTop: true, score: { gte: 70 }, need: { status: 'OPEN' } } })],
  ['to-do strong matches, ReviewSliceCount', () => countReviewSlice(db, { minScore: 70, status: 'SUGGESTED' })],
];
const pick = process.argv[2];
for (const [name, run] of cases.filter(([name]) => !pick || name.includes(pick))) {
  await run(); // warm
  captured.length = 0;
  capturing = true;
  await run();
  capturing = false;
  const queries = [...captured];
  console.log(`\n### ${name}\n`);
  for (const query of queries) {
    const plan = await poolOf(db).query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values as unknown[]);
    console.log('```sql\n' + query.text.replace(/\s+/g, ' ').slice(0, 600) + '\n```\n```');
    for (const row of plan.rows) console.log(row['QUERY PLAN']);
    console.log('```');
  }
}
await db.$disconnect();
