/**
 * (b) of bench:matching — re-rank one company — for two copies of lib/match-store run on the same
 * companies back to back (the order flipped each time), on a world kept by top20-read.ts, so
 * that the load of a shared machine moves both alike. Prints each copy's p50 / p95 and the median of
 * the per-company differences.
 *
 *   TOP20_DIR=.data/pg-company-full TOP20_PORT=53402 npx tsx tests/bench/company-rerank-paired.ts <main copy>/lib/match-store lib/match-store
 *
 * PAIRED_SAMPLES (60) companies, seed 7 as bench:matching, PAIRED_ROUNDS (3) rounds.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../lib/database/embedded-postgres';
import { seededRandom } from './synthetic-world';

const SAMPLES = Number(process.env.PAIRED_SAMPLES ?? 60);
const ROUNDS = Number(process.env.PAIRED_ROUNDS ?? 3);
const dataDir = process.env.TOP20_DIR ?? '.data/pg-top20-100000x10000';
const modules = process.argv.slice(2);
if (modules.length !== 2) throw new Error('Two module paths, please');
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const r = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

const server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TOP20_PORT ?? 53402), persistent: true });
process.env.DATABASE_URL = server.urlFor('bench');
try {
  const { createDb } = await import('../../lib/db');
  type Rerank = (db: unknown, id: string) => Promise<unknown>;
  const reranks: Rerank[] = [];
  for (const name of modules) reranks.push(((await import(path.resolve(name))) as { rerankCompany: Rerank }).rerankCompany);
  const db = createDb(server.urlFor('bench'), 4);
  const ids = (await db.company.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
  for (let round = 0; round < ROUNDS; round += 1) {
    const random = seededRandom(7 + round);
    const sample = Array.from({ length: SAMPLES }, () => ids[Math.floor(random() * ids.length)]);
    const ms: number[][] = [[], []];
    const before = load();
    for (const [i, id] of sample.entries()) {
      for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const started = performance.now();
        await reranks[which](db, id);
        ms[which].push(performance.now() - started);
      }
    }
    const differences = ms[1].map((value, i) => value - ms[0][i]);
    console.log(`round ${round + 1} (load ${before} → ${load()}): ${modules.map((name, i) => `${name} p50 ${r(percentile(ms[i], 50))} p95 ${r(percentile(ms[i], 95))}`).join(' | ')} | median of (second − first) ${r(percentile(differences, 50))} ms`);
  }
  await db.$disconnect();
} finally {
  await server.stop();
}
