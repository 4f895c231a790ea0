import { parentPort, workerData } from 'node:worker_threads';
import { rankShare, type RankShare } from './rank-all';

// A worker thread's share of a rebuild's scoring (rank-parallel.ts): the companies arrive in
// shared memory, the lists go back by transfer.

const result = rankShare(workerData as RankShare);
parentPort!.postMessage(result, [
  result.need.scores.buffer, result.need.members.buffer, result.need.sizes.buffer,
  result.company.scores.buffer, result.company.members.buffer, result.company.sizes.buffer,
] as ArrayBuffer[]);
