import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { QUEUES, type JobData, type QueueName } from '../jobs/queue';
import { announceNeedRanking } from '../notifications/events/ranking';
import { rebuildAllMatches } from './rebuild';
import { rerankCompany, rerankNeed } from './refresh';

// Works the matching queues. Every app instance may run it; pg-boss hands each job to one.

async function handle(db: Db, boss: PgBoss, queue: QueueName, data: JobData[QueueName]): Promise<void> {
  if (queue === QUEUES.needChanged) {
    const { needId } = data as JobData[typeof QUEUES.needChanged];
    const outcome = await rerankNeed(db, needId);
    // From the stored ranking, once it is written: who should hear that the need fits them.
    await announceNeedRanking(db, needId);
    for (const companyId of outcome.shrunk) await boss.send(QUEUES.companyChanged, { companyId }, { singletonKey: companyId });
  } else if (queue === QUEUES.companyChanged) {
    const { companyId } = data as JobData[typeof QUEUES.companyChanged];
    const outcome = await rerankCompany(db, companyId);
    for (const needId of outcome.shrunk) await boss.send(QUEUES.needChanged, { needId }, { singletonKey: needId });
  } else {
    await rebuildAllMatches(db);
  }
}

const MATCHING_QUEUES = [QUEUES.rebuild, QUEUES.needChanged, QUEUES.companyChanged] as const;

export async function startMatchingWorker(db: Db, boss: PgBoss): Promise<void> {
  for (const queue of MATCHING_QUEUES) {
    await boss.work<JobData[typeof queue]>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      await handle(db, boss, queue, job.data);
    });
  }
}

/** Works every queued matching job now, in this process, until none is left (tests, commands). */
export async function drainMatchingJobs(db: Db, boss: PgBoss): Promise<number> {
  let done = 0;
  for (;;) {
    let found = false;
    for (const queue of MATCHING_QUEUES) {
      const jobs = await boss.fetch<JobData[typeof queue]>(queue, { batchSize: 10 });
      for (const job of jobs) {
        found = true;
        try {
          await handle(db, boss, queue, job.data);
          await boss.complete(queue, job.id);
        } catch (error) {
          await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
          throw error;
        }
        done += 1;
      }
    }
    if (!found) return done;
  }
}
