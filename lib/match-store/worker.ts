import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { QUEUES, type JobData, type QueueName } from '../jobs/queue';
import { announceNeedRanking } from '../notifications/events/ranking';
import { rebuildAllMatches } from './rebuild';
import { rerankCompany, rerankNeed } from './refresh';

// Works the matching queues. Every app instance may run it; pg-boss hands each job to one.

/** One matching job: a re-rank (queueing the refills it calls for) or a rebuild. */
export async function handle(db: Db, boss: PgBoss, queue: QueueName, data: JobData[QueueName]): Promise<void> {
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

/**
 * Re-rank jobs are fetched in batches: pg-boss waits its polling interval after every fetch,
 * found or not, so one job per fetch worked at most one a second per queue (100 company edits
 * took 139 s to show). A batch is worked one job after another, each in its own transaction; if
 * one fails, the batch fails and is retried whole, which re-ranking (idempotent) allows.
 */
export const RERANK_BATCH_SIZE = 25;
export const RERANK_POLLING_SECONDS = 0.5;

export async function startMatchingWorker(db: Db, boss: PgBoss): Promise<void> {
  for (const queue of MATCHING_QUEUES) {
    const batched = queue !== QUEUES.rebuild;
    const options = batched ? { pollingIntervalSeconds: RERANK_POLLING_SECONDS, batchSize: RERANK_BATCH_SIZE } : { pollingIntervalSeconds: 1, batchSize: 1 };
    await boss.work<JobData[typeof queue]>(queue, options, async (jobs) => {
      let failure: unknown = null;
      for (const job of jobs) {
        try {
          await handle(db, boss, queue, job.data);
        } catch (error) {
          failure ??= error;
        }
      }
      if (failure) throw failure;
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
