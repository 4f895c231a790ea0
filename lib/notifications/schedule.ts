import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { LIST_TIME_ZONE } from '../hostility-list/calendar';
import { QUEUES } from '../jobs/queue';
import { sendDigests } from './digest';
import { findFacilitationNotices } from './events/facilitation';

// The notification schedules, kept by pg-boss in PostgreSQL (each tick runs once, however many
// instances schedule). Digests go out at 07:00 Kyiv time — daily, and weekly on Mondays — for
// everyone: the platform shows every time in Kyiv time (lib/i18n/request.ts), and 07:00 in Kyiv is
// early afternoon in Japan, inside both sides' working day. The facilitation checks run at 06:30,
// so their notices make the same morning's digest.

export const DAILY_DIGEST_CRON = '0 7 * * *';
export const WEEKLY_DIGEST_CRON = '0 7 * * 1';
export const FACILITATION_CHECK_CRON = '30 6 * * *';

export async function startNotificationJobs(db: Db, boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.dailyDigest, DAILY_DIGEST_CRON, {}, { tz: LIST_TIME_ZONE });
  await boss.schedule(QUEUES.weeklyDigest, WEEKLY_DIGEST_CRON, {}, { tz: LIST_TIME_ZONE });
  await boss.schedule(QUEUES.facilitationCheck, FACILITATION_CHECK_CRON, {}, { tz: LIST_TIME_ZONE });
  await boss.work(QUEUES.dailyDigest, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await sendDigests(db, 'DAILY');
  });
  await boss.work(QUEUES.weeklyDigest, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await sendDigests(db, 'WEEKLY');
  });
  await boss.work(QUEUES.facilitationCheck, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await findFacilitationNotices(db);
  });
}
