/**
 * The two list indexes of "Match" with and without the counterpart's id at their end
 * (migration 20261202041250), on a world kept by top20-read.ts (build it first with
 * TOP20_ROUNDS=0): each definition's size, built side by side, and the tie probe of a re-rank
 * (tiesThatEnter in lib/match-store/refresh.ts) explained against each, in a transaction that
 * drops the other definition and is rolled back (nothing is left changed but the extra indexes,
 * dropped at the end).
 *
 *   TOP20_DIR=.data/pg-company-full TOP20_PORT=53402 npx tsx tests/bench/list-index-explain.ts
 *
 * Probes: INDEX_PROBES (1,200) full company lists at their floors, as a need on thousands of lists
 * asks (a need re-rank), and 160 full need lists, as a company re-rank asks; the subject is a random
 * id of the other side. Each is run INDEX_ROUNDS (5) times per definition, interleaved.
 */
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';

const dataDir = process.env.TOP20_DIR ?? '.data/pg-top20-100000x10000';
const PROBES = Number(process.env.INDEX_PROBES ?? 1_200);
const ROUNDS = Number(process.env.INDEX_ROUNDS ?? 5);
const out = process.env.INDEX_PLANS ?? '';
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
const client = new Client({ connectionString: server.urlFor('bench') });
const plans: string[] = [];
try {
  await client.connect();
  console.log(`load at start ${load()}`);
  const size = async (name: string) => Number((await client.query(`SELECT pg_relation_size('"${name}"') AS b`)).rows[0].b) / 2 ** 20;
  const { rows: existing } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Match' ORDER BY indexname`);
  console.log(existing.map((i) => `${i.indexname}: ${i.indexdef}`).join('\n'));
  const definitions = {
    withId: {
      need: ['Match_needId_inNeedTop_score_companyId_idx', `("needId", "inNeedTop", score DESC, "companyId")`],
      company: ['Match_companyId_inCompanyTop_score_needId_idx', `("companyId", "inCompanyTop", score DESC, "needId")`],
    },
    withoutId: {
      need: ['Match_needId_inNeedTop_score_idx', `("needId", "inNeedTop", score DESC)`],
      company: ['Match_companyId_inCompanyTop_score_idx', `("companyId", "inCompanyTop", score DESC)`],
    },
  } as const;
  const present = new Set(existing.map((i) => i.indexname));
  const made: string[] = [];
  for (const set of Object.values(definitions)) {
    for (const [name, columns] of Object.values(set)) {
      if (present.has(name)) continue;
      const started = performance.now();
      await client.query(`CREATE INDEX "${name}" ON "Match" ${columns}`);
      made.push(name);
      console.log(`built ${name} in ${Math.round(performance.now() - started)} ms`);
    }
  }
  for (const set of Object.values(definitions)) for (const [name] of Object.values(set)) console.log(`${name}: ${(await size(name)).toFixed(1)} MB`);
  // The rebuild merges into "Match" with its indexes in place (page splits): each definition also
  // built fresh, so that sizes are compared like for like.
  for (const set of Object.values(definitions)) {
    for (const [name, columns] of Object.values(set)) {
      await client.query(`CREATE INDEX "fresh" ON "Match" ${columns}`);
      console.log(`${name} built fresh: ${(await size('fresh')).toFixed(1)} MB`);
      await client.query('DROP INDEX "fresh"');
    }
  }
  await client.query('ANALYZE "Match"');

  const { rows: companies } = await client.query<{ id: string; floor: number }>(
    `SELECT "companyId"::text AS id, "matchFloor" AS floor FROM "CompanyMatchProfile" WHERE "matchFloor" >= 0 ORDER BY md5("companyId"::text) LIMIT ${PROBES}`);
  const { rows: needs } = await client.query<{ id: string; floor: number }>(
    `SELECT id::text, "matchFloor" AS floor FROM "Need" WHERE "matchFloor" >= 0 ORDER BY md5(id::text) LIMIT 160`);
  const anyNeed = needs[0].id;
  const anyCompany = companies[0].id;
  // tiesThatEnter's statement, for each side.
  const probe = (listOf: 'company' | 'need') => listOf === 'company'
    ? { text: `SELECT f.id::text, (SELECT m."needId"::text FROM "Match" m WHERE m."companyId" = f.id AND m."inCompanyTop" AND m.score = f.floor
          ORDER BY m."needId" DESC LIMIT 1) AS "lastId" FROM unnest($1::uuid[], $2::int[]) AS f(id, floor)`,
      values: [companies.map((c) => c.id), companies.map((c) => c.floor)], subject: anyNeed }
    : { text: `SELECT f.id::text, (SELECT m."companyId"::text FROM "Match" m WHERE m."needId" = f.id AND m."inNeedTop" AND m.score = f.floor
          ORDER BY m."companyId" DESC LIMIT 1) AS "lastId" FROM unnest($1::uuid[], $2::int[]) AS f(id, floor)`,
      values: [needs.map((n) => n.id), needs.map((n) => n.floor)], subject: anyCompany };
  const results = new Map<string, { ms: number[]; buffers: number }>();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [setName] of round % 2 === 0 ? Object.entries(definitions) : Object.entries(definitions).reverse()) {
      const other = setName === 'withId' ? definitions.withoutId : definitions.withId;
      for (const listOf of ['company', 'need'] as const) {
        await client.query('BEGIN');
        // Only this definition is left for the planner; rolled back below.
        for (const [name] of Object.values(other)) await client.query(`DROP INDEX "${name}"`);
        const { text, values } = probe(listOf);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values });
        await client.query('ROLLBACK');
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        const key = `${setName} · ${listOf} lists (${listOf === 'company' ? companies.length : needs.length} probes)`;
        const entry = results.get(key) ?? { ms: [], buffers: 0 };
        entry.ms.push(Number(/Execution Time: ([\d.]+)/.exec(plan)![1]));
        entry.buffers = Number(/Buffers: shared hit=(\d+)(?: read=(\d+))?/.exec(plan)?.slice(1).reduce((a, b) => a + Number(b ?? 0), 0) ?? 0);
        results.set(key, entry);
        if (round === ROUNDS - 1) plans.push(`### ${key}\n\n\`\`\`\n${plan}\n\`\`\`\n`);
      }
    }
  }
  for (const [key, { ms, buffers }] of results) {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`${key}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms, min ${sorted[0].toFixed(2)} ms, buffers ${buffers}`);
  }
  for (const name of made) await client.query(`DROP INDEX "${name}"`);
  console.log(`load at end ${load()}`);
  if (out) writeFileSync(out, plans.join('\n'));
} finally {
  await client.end();
  await server.stop();
}
