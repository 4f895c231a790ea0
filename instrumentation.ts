// Next.js calls register() once per server process. Each app instance works the matching job
// queue (pg-boss gives every job to exactly one instance); KAKEHASHI_WORKER=off turns it off,
// for instances that should only serve requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.KAKEHASHI_WORKER === 'off') return;
  const { db } = await import('./lib/db');
  const { env } = await import('./lib/env');
  const { startJobQueue } = await import('./lib/jobs/queue');
  const { startMatchingWorker } = await import('./lib/match-store/worker');
  const boss = await startJobQueue(env.DATABASE_URL, { maintenance: true });
  await startMatchingWorker(db, boss);
}
