/**
 * npm run bench:queue — how long 100 company edits take to reach the stored rankings through the
 * job queue, worked as the app works it (lib/match-store/worker.ts), on a database of its own.
 *
 * Builds a synthetic world (10,000 companies × 1,000 needs; BENCH_COMPANIES / BENCH_NEEDS), ranks
 * it, then edits BENCH_EDITS companies, each in its own transaction that queues its re-rank, and
 * waits until no matching job is left (refills of shrunk lists included). `--unbatched` works the
 * queue one job per fetch, as before (for comparison). Also prints how many profile rows the run
 * updated (edits, syncs and moved floors) and the share of the profiles' pages still all-visible
 * at its end — a need's re-rank reads its sector from an index alone on those pages only
 * (docs/benchmarks/matching.md, session 13). Last line: JSON.
 */
import { loadavg } from 'node:os';
import { createScratchDatabase } from '../../lib/database/scratch';
import { createSyntheticWorld, seededRandom } from './synthetic-world';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 1_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const UNBATCHED = process.argv.includes('--unbatched');
const round = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const scratch = await createScratchDatabase('kakehashi_queue_bench');
try {
  process.env.DATABASE_URL = scratch.url;
  const { prepareDatabase } = await import('../../lib/database/prepare');
  const { createDb } = await import('../../lib/db');
  const { startJobQueue, QUEUES } = await import('../../lib/jobs/queue');
  const { rebuildAllMatches, companyChanged, rerankCompany } = await import('../../lib/match-store');
  const { handle, startMatchingWorker } = await import('../../lib/match-store/worker');
  const { stopQueueClient } = await import('../../lib/match-store/enqueue');
  await prepareDatabase(scratch.url);
  const db = createDb(scratch.url, 4);
  await createSyntheticWorld(db, { companies: COMPANIES, needs: NEEDS });
  await rebuildAllMatches(db);
  console.log(`world: ${COMPANIES.toLocaleString('en')} companies × ${NEEDS.toLocaleString('en')} needs, ranked; load ${load()}`);

  const boss = await startJobQueue(scratch.url);
  if (UNBATCHED) {
    for (const queue of [QUEUES.needChanged, QUEUES.companyChanged]) {
      await boss.work<{ needId: string } | { companyId: string }>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => handle(db, boss, queue, job.data));
    }
  } else {
    await startMatchingWorker(db, boss);
  }

  const random = seededRandom(11);
  const ids = (await db.company.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
  const edited = [...new Set(Array.from({ length: EDITS * 2 }, () => ids[Math.floor(random() * ids.length)]))].slice(0, EDITS);
  const appetites = ['NO_HOSTILITIES', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES'] as const;
  const pending = async () =>
    Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job
      WHERE name IN (${QUEUES.needChanged}, ${QUEUES.companyChanged}) AND state IN ('created', 'retry', 'active')`)[0].n);

  // As a rebuild leaves the profiles: vacuumed, every page all-visible.
  await db.$executeRawUnsafe('VACUUM "CompanyMatchProfile"');
  await db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_visibility');
  const profileWrites = async () => (await db.$queryRaw<{ updates: bigint; vacuums: bigint; visible: number }[]>`
    SELECT s.n_tup_upd AS updates, s.autovacuum_count + s.vacuum_count AS vacuums,
      (SELECT round(100.0 * count(*) FILTER (WHERE all_visible) / count(*), 1)::float8 FROM pg_visibility_map('"CompanyMatchProfile"')) AS visible
    FROM pg_stat_user_tables s WHERE s.relname = 'CompanyMatchProfile'`)[0];
  const profilesBefore = await profileWrites();

  const started = performance.now();
  for (const [i, id] of edited.entries()) {
    await db.$transaction(async (tx) => {
      await tx.company.update({ where: { id }, data: { riskAppetite: appetites[i % appetites.length], hasDisasterReconstructionExperience: i % 2 === 0 } });
      await companyChanged(tx, id);
    });
  }
  const editedMs = performance.now() - started;
  let jobsSeen = 0;
  for (;;) {
    const left = await pending();
    jobsSeen = Math.max(jobsSeen, left);
    if (left === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const reachedMs = performance.now() - started;
  const done = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job
    WHERE name IN (${QUEUES.needChanged}, ${QUEUES.companyChanged}) AND state = 'completed'`)[0].n);
  // Jobs that failed at least once (a deadlock broken by PostgreSQL fails a whole batch) and were retried.
  const retried = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job
    WHERE name IN (${QUEUES.needChanged}, ${QUEUES.companyChanged}) AND retry_count > 0`)[0].n);
  await boss.stop({ graceful: true, wait: true });
  // Other sessions report their counts to the statistics within a second of their last commit.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const profilesAfter = await profileWrites();

  // Reached: re-ranking each edited company now changes nothing.
  let stale = 0;
  for (const id of edited) if ((await rerankCompany(db, id)).written > 0) stale += 1;

  const figures = {
    mode: UNBATCHED ? 'unbatched' : 'batched',
    companies: COMPANIES,
    needs: NEEDS,
    edits: edited.length,
    editsCommittedSeconds: round(editedMs / 1000),
    reachedRankingsSeconds: round(reachedMs / 1000),
    jobsCompleted: done,
    jobsRetried: retried,
    jobsPerSecond: round(done / (reachedMs / 1000)),
    staleAfter: stale,
    profileRowUpdates: Number(profilesAfter.updates - profilesBefore.updates),
    profileVacuums: Number(profilesAfter.vacuums - profilesBefore.vacuums),
    profilePagesAllVisiblePct: profilesAfter.visible,
    loadAverage: load(),
  };
  console.log(`${figures.edits} company edits committed in ${figures.editsCommittedSeconds} s, reached the stored rankings in ${figures.reachedRankingsSeconds} s (${done} jobs, ${retried} of them retried, ${figures.jobsPerSecond}/s, ${stale} stale after); load ${figures.loadAverage}`);
  console.log(`    profiles: ${figures.profileRowUpdates} row updates, ${figures.profileVacuums} vacuum(s) during the run; ${figures.profilePagesAllVisiblePct} % of their pages all-visible at its end (${profilesBefore.visible} % before)`);
  await db.$disconnect();
  await stopQueueClient();
  console.log(JSON.stringify(figures));
} finally {
  await scratch.drop();
}
