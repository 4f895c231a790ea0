import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { QUEUES } from '../jobs/queue';
import { isoDay, kyivDay, LIST_TIME_ZONE } from './calendar';
import { rollStatusesForward } from './roll-forward';

// Every midnight in Kyiv the statuses move to the new day (a period that started or ended) and
// the needs whose hromada moved are re-ranked. pg-boss keeps the schedule in PostgreSQL and sends
// each tick once, however many instances run the scheduler.

export const ROLL_FORWARD_CRON = '0 0 * * *';

export async function startHostilityCalendar(db: Db, boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.hostilityRollForward, ROLL_FORWARD_CRON, {}, { tz: LIST_TIME_ZONE });
  await boss.work(QUEUES.hostilityRollForward, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await rollStatusesForward(db);
  });
  // Catch up at start: days missed while no worker ran (the roll-up at start leaves the statuses
  // to this job, so that the needs whose status moved are re-ranked too).
  await boss.send(QUEUES.hostilityRollForward, {}, { singletonKey: `start-${isoDay(kyivDay())}` });
}
