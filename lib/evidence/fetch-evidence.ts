import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { env } from '../env';
import { QUEUES, type JobData } from '../jobs/queue';
import { enqueue } from '../match-store/enqueue';
import { createLimiter, type Limiter } from '../security/rate-limit';
import { ocidFor, ocidMatches, type EvidenceSourceName } from './ocid';
import { configuredEndpoints, type EvidenceEndpoints } from './request-evidence';
import { readOcdsPackage } from './ocds';
import { saveEvidence } from './store';

// Fetches a need's published tender record from the configured OCDS endpoint, through the job
// queue: pg-boss retries a failed fetch with back-off, the request rate is limited in PostgreSQL
// (shared by every instance), and the row says plainly when the source could not be reached.

export type FetchConfig = {
  endpoints: EvidenceEndpoints;
  perMinute: number;
  timeoutMs: number;
};

export const envFetchConfig = (): FetchConfig => ({
  endpoints: configuredEndpoints(),
  perMinute: env.OCDS_FETCH_PER_MINUTE,
  timeoutMs: 20_000,
});

/** Tender statuses after which the record no longer changes in ways that matter here. */
const SETTLED = new Set(['complete', 'cancelled', 'unsuccessful', 'withdrawn']);
/** While a tender runs, its record (bids, status) is read again this often. */
export const REFRESH_SECONDS = 24 * 3600;

type Outcome = 'saved' | 'retry' | 'rate-limited' | 'skipped';

const limiters = new WeakMap<Db, Map<string, Limiter>>();
function limiterFor(db: Db, source: EvidenceSourceName, perMinute: number): Limiter {
  const forDb = limiters.get(db) ?? new Map<string, Limiter>();
  limiters.set(db, forDb);
  const key = `${source}:${perMinute}`;
  if (!forDb.has(key)) forDb.set(key, createLimiter(db, `ocds-fetch:${source}`, perMinute, 60));
  return forDb.get(key)!;
}

/**
 * One attempt. A network failure, a timeout, 429 or 5xx asks for a retry, except on the last
 * attempt, which records UNREACHABLE; each failure is written on the row as it happens.
 */
export async function fetchTenderEvidence(
  db: Db,
  job: JobData[typeof QUEUES.tenderEvidence],
  config: FetchConfig,
  lastAttempt: boolean,
): Promise<Outcome> {
  const { needId, source } = job;
  const template = config.endpoints[source];
  const need = await db.need.findUnique({ where: { id: needId }, select: { prozorroTenderId: true, dreamProjectId: true } });
  const identifier = source === 'PROZORRO' ? need?.prozorroTenderId : need?.dreamProjectId;
  if (!template || !identifier) return 'skipped';
  if (!(await limiterFor(db, source, config.perMinute).tryConsume('endpoint'))) return 'rate-limited';

  const ocid = ocidFor(source, identifier);
  const url = template.replace('{ocid}', encodeURIComponent(ocid));
  const origin = new URL(url).origin;
  const failed = async (status: 'UNREACHABLE' | 'NOT_FOUND' | 'INVALID', detail: string, retry: boolean): Promise<Outcome> => {
    await db.$transaction((tx) => saveEvidence(tx, null, { needId, source, identifier, origin, result: { ok: false, status, detail } }));
    return retry && !lastAttempt ? 'retry' : 'saved';
  };

  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(config.timeoutMs), redirect: 'follow' });
  } catch (error) {
    return failed('UNREACHABLE', `${origin}: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  if (response.status === 404) return failed('NOT_FOUND', `${origin}: HTTP 404`, false);
  if (!response.ok) return failed('UNREACHABLE', `${origin}: HTTP ${response.status}`, response.status === 429 || response.status >= 500);
  let pkg: unknown;
  try {
    pkg = await response.json();
  } catch {
    return failed('INVALID', `${origin}: the answer is not JSON`, false);
  }
  const result = readOcdsPackage(pkg, ocidMatches(source, identifier));
  await db.$transaction(async (tx) => {
    await saveEvidence(tx, null, { needId, source, identifier, origin, result });
    // A tender still running changes (bids arrive, the status moves on): read it again tomorrow.
    if (result.ok && !SETTLED.has(result.facts.tenderStatus ?? '')) {
      await enqueue(tx, QUEUES.tenderEvidence, job, `${needId}:${source}:refresh`, REFRESH_SECONDS);
    }
  });
  return 'saved';
}

async function handle(db: Db, boss: PgBoss, job: PgBoss.JobWithMetadata<JobData[typeof QUEUES.tenderEvidence]>, config: FetchConfig) {
  const outcome = await fetchTenderEvidence(db, job.data, config, job.retryCount >= job.retryLimit);
  if (outcome === 'retry') throw new Error(`Tender record of need ${job.data.needId} unreachable; retrying`);
  if (outcome === 'rate-limited') {
    await boss.send(QUEUES.tenderEvidence, job.data, { startAfter: 60, singletonKey: `${job.data.needId}:${job.data.source}:later` });
  }
}

export async function startEvidenceWorker(db: Db, boss: PgBoss, config: FetchConfig = envFetchConfig()): Promise<void> {
  if (!config.endpoints.PROZORRO && !config.endpoints.DREAM) return;
  await boss.work<JobData[typeof QUEUES.tenderEvidence]>(
    QUEUES.tenderEvidence,
    { pollingIntervalSeconds: 5, batchSize: 1, includeMetadata: true },
    async ([job]) => handle(db, boss, job, config),
  );
}

/** Works the queued fetches that are due, in this process (tests, commands); returns how many. */
export async function drainEvidenceJobs(db: Db, boss: PgBoss, config: FetchConfig): Promise<number> {
  let done = 0;
  for (;;) {
    const [job] = await boss.fetch<JobData[typeof QUEUES.tenderEvidence]>(QUEUES.tenderEvidence, { batchSize: 1, includeMetadata: true });
    if (!job) return done;
    try {
      await handle(db, boss, job, config);
      await boss.complete(QUEUES.tenderEvidence, job.id);
    } catch (error) {
      await boss.fail(QUEUES.tenderEvidence, job.id, { message: error instanceof Error ? error.message : String(error) });
    }
    done += 1;
  }
}
