/**
 * Where a company's re-rank — (b) of bench:matching — spends its time, phase by phase, on a world
 * kept by top20-read.ts (build it first with TOP20_ROUNDS=0). Each sampled company is re-ranked
 * once through lib (the figure), then its read-and-score path is replayed step by step with the
 * same exported pieces refresh.ts uses (nothing written): profile sync, stored pairs, profile and
 * interests, the bounded need read (the bound's own filter alone, then with the inputs' JSON) by
 * the bound before session 7 (security and integrity counted whole: filterOld, readOld, passedOld)
 * and by the graded one (need-bound.ts: filter, read, passed), the scoring. It also counts how many needs the bound let through and how many of them were needed
 * (scored at or above the threshold the bound tested), which says how much a tighter bound can gain.
 *
 *   BENCH_COMPANIES=100000 BENCH_NEEDS=10000 TOP20_DIR=.data/pg-company-full TOP20_PORT=53402 \
 *     npx tsx tests/bench/company-rerank-phases.ts [module]
 *
 * PHASES_SAMPLES (60) companies, seed 7 as bench:matching; the slowest PHASES_SHOW (10) are listed.
 * The module (default lib/match-store) must export rerankCompany: alternate main's copy and this
 * branch's to compare them in one window.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';
import { seededRandom } from './synthetic-world';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const SAMPLES = Number(process.env.PHASES_SAMPLES ?? 60);
const SHOW = Number(process.env.PHASES_SHOW ?? 10);
const dataDir = process.env.TOP20_DIR ?? `.data/pg-top20-${COMPANIES}x${NEEDS}`;
const moduleName = process.argv[2] ?? 'lib/match-store';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const r = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
process.env.DATABASE_URL = server.urlFor('bench');
try {
  const { createDb } = await import('../../lib/db');
  const { Prisma } = await import('../../lib/generated/prisma/client');
  const { syncCompanyProfiles, loadCompanyProfiles } = await import('../../lib/match-store/profiles');
  const { loadInterests, loadNeedsWithSites } = await import('../../lib/match-store/inputs');
  const { needMayReachSql } = await import('./session6-need-bound');
  const { needMayReachGradedSql } = await import('../../lib/match-store/need-bound');
  const { getCurrentPolicy } = await import('../../lib/match-store/policy');
  const { prepareCompany, prepareNeed } = await import('../../lib/matching/prepare');
  const { scorePair, EXCLUDED } = await import('../../lib/matching/evaluate');
  const { kyivDay } = await import('../../lib/hostility-list/calendar');
  const { rerankCompany } = (await import(path.resolve(moduleName))) as { rerankCompany: (db: unknown, id: string) => Promise<{ candidates: number; ms: { score: number; write: number } }> };

  const db = createDb(server.urlFor('bench'), 4);
  const ids = (await db.company.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
  const random = seededRandom(7);
  const sample = Array.from({ length: SAMPLES }, () => ids[Math.floor(random() * ids.length)]);
  const policy = await getCurrentPolicy(db);
  const asOf = kyivDay();
  console.log(`module ${moduleName}; ${SAMPLES} companies; load at start ${load()}`);

  type Row = Record<string, number> & { total: number };
  const rows: Row[] = [];
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const started = performance.now();
    const value = await work();
    return [performance.now() - started, value];
  };
  for (const id of sample) {
    const [total, outcome] = await time(() => rerankCompany(db, id));
    const [sync] = await time(() => syncCompanyProfiles(db, Prisma.sql`c.id = ${id}::uuid`));
    const [pairsMs, pairs] = await time(() => db.$queryRaw<{ needId: string }[]>`SELECT "needId"::text AS "needId" FROM "Match" WHERE "companyId" = ${id}::uuid`);
    const [profileMs, [[company], interests]] = await time(() => Promise.all([loadCompanyProfiles(db, [id]), loadInterests(db, Prisma.sql`i."companyId" = ${id}::uuid`)]));
    if (!company) continue;
    const prepared = prepareCompany(company);
    const inSectors = Prisma.sql`n.sector = ANY(${[...company.sectors]}::"SectorCode"[])`;
    const always = [...pairs.map((p) => p.needId), ...[...interests.keys()].map((key) => key.slice(0, key.indexOf(':')))];
    // The bound before this session (security and integrity counted whole), then the graded one (need-bound.ts).
    const old = needMayReachSql({ ...company, ...prepared }, policy, { threshold: company.matchFloor, always });
    // Without the list's last need: ties at the company's floor are all read, as before session 15.
    const graded = needMayReachGradedSql({ ...company, ...prepared }, policy, asOf, { list: { floor: company.matchFloor, last: null }, always });
    const count = (bound: typeof old) => db.$queryRaw<{ n: number; inSector: number }[]>`
      SELECT count(*) FILTER (WHERE ${bound})::int AS n, count(*)::int AS "inSector" FROM "Need" n WHERE n.status = 'OPEN' AND ${inSectors}`;
    const [filterOld, [{ n: passedOld, inSector }]] = await time(() => count(old));
    const [filter, [{ n: passed }]] = await time(() => count(graded));
    const [readOld] = await time(() => loadNeedsWithSites(db, Prisma.sql`${inSectors} AND ${old}`));
    const [readMs, needs] = await time(() => loadNeedsWithSites(db, Prisma.sql`${inSectors} AND ${graded}`));
    const scoreStarted = performance.now();
    let needed = 0;
    let scoredCount = 0;
    let atFloor = 0;
    for (const need of needs) {
      const value = scorePair(prepareNeed(need, asOf), prepared, { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false }, policy);
      if (value === EXCLUDED) continue;
      scoredCount += 1;
      if (value >= company.matchFloor) atFloor += 1;
      if (value >= Math.min(Math.max(need.matchFloor, -1), company.matchFloor) || always.includes(need.id)) needed += 1;
    }
    const scoreMs = performance.now() - scoreStarted;
    rows.push({ total, score: outcome.ms.score, write: outcome.ms.write, sync, pairs: pairsMs, profile: profileMs, filterOld, filter, readOld, read: readMs, js: scoreMs,
      inSector, passedOld, passed, scored: scoredCount, needed, stored: pairs.length, proves: company.matchFloor < 0 || atFloor >= 10 ? 1 : 0 });
  }
  const keys = Object.keys(rows[0]);
  console.log(`p50 / p95 over ${rows.length}: ${keys.map((k) => `${k} ${r(percentile(rows.map((row) => row[k]), 50))}/${r(percentile(rows.map((row) => row[k]), 95))}`).join(', ')}`);
  console.log(`slowest ${SHOW} (ms; counts):`);
  for (const row of [...rows].sort((a, b) => b.total - a.total).slice(0, SHOW)) console.log('  ' + keys.map((k) => `${k} ${r(row[k])}`).join(', '));
  console.log(`load at end ${load()}`);
  await db.$disconnect();
} finally {
  await server.stop();
}
