import type { Instrumentation } from 'next';

// Next.js calls register() once per server process. Each app instance works the job queues
// (pg-boss gives every job to exactly one instance): matching, password reset requests, email
// delivery when SMTP_URL is set, tender records when PROZORRO_OCDS_URL or DREAM_OCDS_URL is set,
// the daily roll-forward of hostility statuses, the notification digests and checks, the follow-up asks after introductions, the hourly clean-up of the public page cache, and machine translation when DEEPL_API_KEY is set. KAKEHASHI_WORKER=off turns them off, for
// instances that should only serve requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.KAKEHASHI_WORKER === 'off') return;
  const { db } = await import('./lib/db');
  const { env } = await import('./lib/env');
  const { startJobQueue } = await import('./lib/jobs/queue');
  const { startMatchingWorker } = await import('./lib/match-store/worker');
  const { startEmailWorker } = await import('./lib/email/delivery');
  const { startPasswordResetWorker } = await import('./lib/accounts/passwords');
  const { startEvidenceWorker } = await import('./lib/evidence/fetch-evidence');
  const { startHostilityCalendar } = await import('./lib/hostility-list/schedule');
  const { startNotificationJobs } = await import('./lib/notifications/schedule');
  const { startFollowUpSchedule } = await import('./lib/follow-through/follow-up-asks');
  const { startTranslationWorker } = await import('./lib/content/machine/worker');
  const { startPageCacheCleanup } = await import('./lib/cache/page-cache-cleanup');
  const boss = await startJobQueue(env.DATABASE_URL, { maintenance: true, scheduler: true });
  await startMatchingWorker(db, boss);
  await startEmailWorker(db, boss);
  await startPasswordResetWorker(db, boss);
  await startEvidenceWorker(db, boss);
  await startHostilityCalendar(db, boss);
  await startNotificationJobs(db, boss);
  await startFollowUpSchedule(db, boss);
  await startTranslationWorker(db, boss);
  await startPageCacheCleanup(db, boss);
}

/**
 * Errors in rendering, route handlers and actions: one structured line per cause per minute. The
 * path loses its query and any one-time token (a password reset or sign-up confirmation link):
 * a live token in the log would let whoever reads it take the account.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logError } = await import('./lib/logging/log');
  const { redactOneTimeLinkPath } = await import('./lib/email/one-time-links');
  logError(`${context.routeType} ${context.routePath}`, error, { method: request.method, path: redactOneTimeLinkPath(request.path.split('?')[0]) });
};
