import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedCompany } from './prepare';
import { companyTable, mergeShares, rankShare, type RankAllOutput, type RankSettings, type RankShare, type RankShareResult } from './rank-all';
import { ranksById } from './top-k';
import type { MatchNeed } from './types';
import { SECTOR_VALUES } from './vocabulary';

// The rebuild's scoring across cores: the needs are cut into shares of about equal pairs, one
// per thread; this thread scores the first share while worker threads (rank-worker.ts) score the
// others against the same companies in shared memory. Nothing outlives the call.

export type RankAllInput = RankSettings & {
  needs: readonly MatchNeed[];
  companies: readonly PreparedCompany[];
  /** Threads to score on, this one included; default: the cores, when there are enough pairs to pay for starting workers. */
  threads?: number;
};

/** Below this many pairs a worker's start (about a second with the TypeScript loader) costs more than it saves. */
const PAIRS_PER_WORKER = 5_000_000;
const MAX_THREADS = 8;

// Beside this file under tsx and Vitest; inside Next's server bundle (where the app's job queue
// runs the rebuild) this file is a chunk under .next/, so the source is found from the app's
// directory instead (`npm start` runs from it, with tsx installed). Neither: one thread.
const WORKER_FILE = [
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'rank-worker.ts'),
  path.join(process.cwd(), 'lib', 'matching', 'rank-worker.ts'),
].find((file) => existsSync(file)) ?? '';
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)}); })`;

export async function rankAll(input: RankAllInput): Promise<RankAllOutput & { threads: number }> {
  const table = companyTable(input.companies);
  const needRanks = new Int32Array(new SharedArrayBuffer(Math.max(8, input.needs.length * 4)));
  needRanks.set(ranksById(input.needs.map((n) => n.id)));

  // Pairs per need: the companies of its sector.
  const sectorSizes = new Map<number, number>();
  table.sectorMask.forEach((mask) => {
    for (let bit = 1; bit !== 0 && bit <= mask; bit <<= 1) if (mask & bit) sectorSizes.set(bit, (sectorSizes.get(bit) ?? 0) + 1);
  });
  const pairsOf = input.needs.map((need) => sectorSizes.get(1 << SECTOR_VALUES.indexOf(need.sector)) ?? 0);
  const totalPairs = pairsOf.reduce((sum, p) => sum + p, 0);
  const canUseWorkers = WORKER_FILE !== '';
  const threads = Math.max(1, Math.min(
    input.threads ?? Math.min(availableParallelism(), MAX_THREADS, Math.floor(totalPairs / PAIRS_PER_WORKER) + 1),
    input.needs.length || 1,
    canUseWorkers ? MAX_THREADS : 1,
  ));

  // Contiguous shares of about totalPairs / threads pairs each, none empty.
  const cumulative: number[] = [];
  pairsOf.reduce((sum, pairs, n) => (cumulative[n] = sum + pairs), 0);
  const bounds = [0];
  for (let i = 1; i < threads; i += 1) {
    let n = bounds[i - 1] + 1;
    while (n < input.needs.length - (threads - i) && cumulative[n - 1] < (totalPairs * i) / threads) n += 1;
    bounds.push(n);
  }
  bounds.push(input.needs.length);

  const shareOf = (i: number): RankShare => {
    const from = bounds[i];
    const to = bounds[i + 1];
    const interests = new Map([...input.interests].filter(([n]) => n >= from && n < to));
    return {
      table, needs: input.needs.slice(from, to), from, needRanks, asOf: input.asOf, policy: input.policy,
      interests, noInterest: input.noInterest, needTopK: input.needTopK, companyTopK: input.companyTopK,
    };
  };
  const shares = bounds.slice(0, -1).map((_, i) => shareOf(i));
  // Workers first, so that they score while this thread does its own share.
  const inWorkers = shares.slice(1).map((share) => runInWorker(share).catch(() => null));
  const results: (RankShareResult | null)[] = [rankShare(shares[0]), ...(await Promise.all(inWorkers))];
  // A worker that could not start (e.g. no TypeScript loader where the code runs) leaves its
  // share to this thread: the lists are the same either way.
  const done = results.map((result, i) => ({ from: shares[i].from, result: result ?? rankShare(shares[i]) }));
  const merged = mergeShares(
    done,
    { needs: input.needs.length, companies: table.count },
    { needs: needRanks, companies: table.ranks },
    { need: input.needTopK, company: input.companyTopK },
  );
  return { ...merged, threads: results.filter((r, i) => i === 0 || r !== null).length };
}

function runInWorker(share: RankShare): Promise<RankShareResult> {
  return new Promise((resolve, reject) => {
    // The worker loads this code's TypeScript through tsx's loader, as the app and its commands
    // run (registered from inside: Node 20 applies no `--import` hooks to a worker's entry file).
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: share });
    worker.once('message', (result: RankShareResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Ranking worker exited with ${code}`)));
  });
}
