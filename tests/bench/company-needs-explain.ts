/**
 * EXPLAIN (ANALYZE, BUFFERS) of a company re-rank's need read (scoreSubject in
 * lib/match-store/refresh.ts: loadNeedsWithSites over the company's sectors and its need bound)
 * before and after session 7, on a world kept by top20-read.ts. "Before" is the bound of another
 * copy of lib (e.g. `git archive main lib` unpacked in .data/main, its lib/generated linked) with
 * the sectors compared as text; "after" is this tree's graded bound (need-bound.ts). Each statement
 * runs EXPLAIN_ROUNDS (3) times per company, interleaved; the medians over the sampled companies are
 * printed, and the last plans of the first company written to EXPLAIN_PLANS when set.
 *
 *   TOP20_DIR=.data/pg-company-full TOP20_PORT=53402 npx tsx tests/bench/company-needs-explain.ts .data/main/lib/match-store/bound.ts
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';
import { seededRandom } from './synthetic-world';

const dataDir = process.env.TOP20_DIR ?? '.data/pg-top20-100000x10000';
const SAMPLES = Number(process.env.EXPLAIN_SAMPLES ?? 30);
const ROUNDS = Number(process.env.EXPLAIN_ROUNDS ?? 3);
const beforeModule = process.argv[2];
if (!beforeModule) throw new Error('The path of the earlier bound.ts, please');
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
process.env.DATABASE_URL = server.urlFor('bench');
try {
  const { createDb } = await import('../../lib/db');
  const { Prisma } = await import('../../lib/generated/prisma/client');
  const { loadCompanyProfiles } = await import('../../lib/match-store/profiles');
  const { NEED_INPUT_JSON } = await import('../../lib/match-store/inputs');
  const { needMayReachGradedSql } = await import('../../lib/match-store/need-bound');
  const { getCurrentPolicy } = await import('../../lib/match-store/policy');
  const { prepareCompany } = await import('../../lib/matching/prepare');
  const { kyivDay } = await import('../../lib/hostility-list/calendar');
  const before = (await import(path.resolve(beforeModule))) as typeof import('./session6-need-bound');
  const asOf = kyivDay();
  const db = createDb(server.urlFor('bench'), 2);
  const ids = (await db.company.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
  const random = seededRandom(7);
  const sample = Array.from({ length: SAMPLES }, () => ids[Math.floor(random() * ids.length)]);
  const policy = await getCurrentPolicy(db);
  console.log(`load at start ${load()}`);
  const results: Record<string, { exec: number[]; plan: number[]; rows: number[]; buffers: number[] }> = {};
  const plans: string[] = [];
  for (const [index, id] of sample.entries()) {
    const [company] = await loadCompanyProfiles(db, [id]);
    if (!company) continue;
    const c = { ...company, ...prepareCompany(company) };
    const prune = { threshold: company.matchFloor, always: [] as string[] };
    const statements = {
      before: Prisma.sql`SELECT ${NEED_INPUT_JSON} AS input FROM "Need" n WHERE n.status = 'OPEN'
        AND n.sector::text = ANY(${[...company.sectors]}) AND ${before.needMayReachSql(c, policy, prune)}`,
      after: Prisma.sql`SELECT ${NEED_INPUT_JSON} AS input FROM "Need" n WHERE n.status = 'OPEN'
        AND n.sector = ANY(${[...company.sectors]}::"SectorCode"[]) AND ${needMayReachGradedSql(c, policy, asOf, { list: { floor: prune.threshold, last: null }, always: prune.always })}`,
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, statement] of round % 2 === 0 ? Object.entries(statements) : Object.entries(statements).reverse()) {
        const rows = await db.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${statement}`;
        const text = rows.map((row) => row['QUERY PLAN']).join('\n');
        const entry = (results[name] ??= { exec: [], plan: [], rows: [], buffers: [] });
        entry.exec.push(Number(/Execution Time: ([\d.]+)/.exec(text)![1]));
        entry.plan.push(Number(/Planning Time: ([\d.]+)/.exec(text)![1]));
        entry.rows.push(Number(/rows=(\d+)(?:\.\d+)? loops=1\)/.exec(text)?.[1] ?? 0));
        entry.buffers.push(Number(/Buffers: shared hit=(\d+)/.exec(text)?.[1] ?? 0));
        if (index === 0 && round === ROUNDS - 1) plans.push(`### ${name} (company ${id}, sectors ${company.sectors.join(', ')}, floor ${company.matchFloor})\n\n\`\`\`\n${text}\n\`\`\`\n`);
      }
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)];
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name}: execution median ${median(r.exec).toFixed(2)} / p90 ${p90(r.exec).toFixed(2)} ms, planning median ${median(r.plan).toFixed(2)} ms, needs read median ${median(r.rows)} / p90 ${p90(r.rows)}, buffers median ${median(r.buffers)}`);
  }
  console.log(`load at end ${load()}`);
  if (process.env.EXPLAIN_PLANS) writeFileSync(process.env.EXPLAIN_PLANS, plans.join('\n'));
  await db.$disconnect();
} finally {
  await server.stop();
}
