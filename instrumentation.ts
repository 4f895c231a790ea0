import type { Instrumentation } from 'next';

// Next.js calls register() once per server process. Each app instance works the job queues
// (pg-boss gives every job to exactly one instance): matching, password reset requests, and email
// delivery when SMTP_URL is set,
// tender records when PROZORRO_OCDS_URL or DREAM_OCDS_URL is set. KAKEHASHI_WORKER=off turns them off, for instances that should only serve requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.KAKEHASHI_WORKER === 'off') return;
  const { db } = await import('./lib/db');
  const { env } = await import('./lib/env');
  const { startJobQueue } = await import('./lib/jobs/queue');
  const { startMatchingWorker } = await import('./lib/match-store/worker');
  const { startEmailWorker } = await import('./lib/email/delivery');
  const { startPasswordResetWorker } = await import('./lib/accounts/passwords');
  const { startEvidenceWorker } = await import('./lib/evidence/fetch-evidence');
  const boss = await startJobQueue(env.DATABASE_URL, { maintenance: true });
  await startMatchingWorker(db, boss);
  await startEmailWorker(db, boss);
  await startPasswordResetWorker(db, boss);
  await startEvidenceWorker(db, boss);
}

/** Errors in rendering, route handlers and actions: one structured line per cause per minute. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logError } = await import('./lib/logging/log');
  logError(`${context.routeType} ${context.routePath}`, error, { method: request.method, path: request.path.split('?')[0] });
};
