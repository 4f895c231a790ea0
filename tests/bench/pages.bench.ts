/**
 * Pages under load (issue 16): serves the production build (`npx next build` first) on a
 * throwaway embedded PostgreSQL holding the demo world — and, with `--world=30000x3000`, a
 * synthetic world of that many companies × needs on top, ranked by a full rebuild — signs in
 * as demo users through the real sign-in endpoint, then drives every page with autocannon at
 * 1, 10 and 50 connections. For each run: req/s, p50/p95/p99 latency, errors and the server's
 * CPU time per request (utime + stime of the server process from /proc/<pid>/stat).
 *
 *   npm run bench:pages [-- --world=30000x3000] [--duration=5] [--connections=1,10,50] [--only=queue,dashboard] [--rendered] [--processes=2]
 *
 * --processes=N serves with WEB_CONCURRENCY=N (lib/http/app-server.ts forks N server processes);
 * CPU and memory are then the sum over them.
 *
 * --rendered also measures each public page with a query parameter it ignores (?render=1),
 * which keeps it off the anonymous cache (lib/cache/public-pages.ts): the same page rendered per
 * request, as before it was cached, in the same build, world and time window ("home/rendered").
 *
 * `--brotli` sends what Chromium sends, `Accept-Encoding: gzip, deflate, br, zstd` (the server picks brotli).
 * `--gzip` sends `Accept-Encoding: gzip` with every request: a cached page then goes out as its stored
 * copy, anything else compressed as it is sent (KB/resp is what travels).
 *
 * `--tsx` serves lib/http/app-server.ts under tsx (as `npm start` did before session 7) instead of
 * the server `next build` compiled, which `npm start` runs now (lib/http/compile-server.mjs).
 * `--node-flags=a,b` replaces the Node flags `npm start` gives the server (SERVER_NODE_FLAGS;
 * `--node-flags=` for none), to measure them.
 *
 * With --gzip or --brotli, "stored %" is the share of responses that were a cached page's stored
 * compressed copy (Content-Encoding with a Content-Length) rather than compressed per response
 * (chunked); JSON `storedCopyShare`, null without either flag. "(N rendered)" after the cache column
 * (JSON `renderedInRun`) counts responses of the run that were not cache hits: renders after a
 * write marked the entry stale, which have no stored copy yet.
 *
 * Each page's uncompressed bytes are printed first, markup and React's inline payload apart;
 * `--save-html=<dir>` keeps the page as it was sent.
 * `--cpu-prof=<dir>` writes the server's V8 CPU profile there when it stops.
 * `--write-every=<ms>` has a municipality rename one of its needs every <ms> during each measured run,
 * through the updateNeed operation (tests/bench/need-writer.ts): the "Need" trigger marks every public
 * page stale, so "(N rendered)" then counts the requests that rendered again after those writes;
 * "W writes" (JSON `writesInRun`) how many had committed when the run ended.
 * `--database-url=<url>` serves that database as it is instead of a throwaway one, so code before
 * and after a change is measured on the same world; with `--seed` (and `--world=…`) the script
 * first seeds the demo world (and builds the synthetic one) there, and leaves it.
 * The last line of output is JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createScratchDatabase } from '../../lib/database/scratch';
import { builtServer, SERVER_NODE_FLAGS } from '../../lib/http/compile-server.mjs';
import type { NeedWriter } from './need-writer';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const world = arg('world');
const duration = Number(arg('duration') ?? 5);
const connectionLevels = (arg('connections') ?? '1,10,50').split(',').map(Number);
const only = arg('only')?.split(',');
const rendered = process.argv.includes('--rendered');
const gzip = process.argv.includes('--gzip');
const brotli = process.argv.includes('--brotli');
const acceptEncoding = brotli ? 'gzip, deflate, br, zstd' : gzip ? 'gzip' : undefined;
const renderedToo = (page: { name: string; path: string }) =>
  rendered ? [page, { name: `${page.name}/rendered`, path: `${page.path}${page.path.includes('?') ? '&' : '?'}render=1` }] : [page];
const profileDir = arg('cpu-prof');
const givenDatabase = process.argv.find((a) => a.startsWith('--database-url='))?.slice('--database-url='.length);
const seedGiven = process.argv.includes('--seed');
const processes = arg('processes');
const underTsx = process.argv.includes('--tsx');
const nodeFlagsGiven = process.argv.find((a) => a.startsWith('--node-flags='))?.slice('--node-flags='.length);
const nodeFlags = nodeFlagsGiven === undefined ? SERVER_NODE_FLAGS : nodeFlagsGiven.split(',').filter(Boolean);
const port = Number(arg('port') ?? process.env.BENCH_PORT ?? 3190);
const writeEvery = arg('write-every') ? Number(arg('write-every')) : undefined;
const base = `http://127.0.0.1:${port}`;
const log = (line: string) => console.log(line);
const round = (n: number) => Math.round(n * 10) / 10;

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** CPU time of the server: its process and, with --processes=N, the cluster's server processes. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ": state is field 3, utime 14, stime 15 → indexes 11 and 12 here.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND + childrenOf(pid).reduce((sum, child) => sum + cpuMs(child), 0);
}
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return []; // a process that ended in between
  }
}
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024) + childrenOf(pid).reduce((sum, child) => sum + rssMb(child), 0);
}

/**
 * What a page's bytes are (uncompressed): the markup, and React's payload for the same tree in
 * the page's inline `self.__next_f.push` scripts, which the browser needs to hydrate it.
 */
function logBytes(name: string, html: string, saveTo?: string): void {
  if (saveTo) writeFileSync(`${saveTo}/${name.replace('/', '-')}.html`, html);
  const payload = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\(.*?<\/script>/gs)].reduce((sum, m) => sum + m[0].length, 0);
  log(`bytes ${name}: ${round(html.length / 1024)} KB = markup ${round((html.length - payload) / 1024)} KB + payload ${round(payload / 1024)} KB`);
}

async function untilIdle(pid: number): Promise<void> {
  let last = cpuMs(pid);
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = cpuMs(pid);
    if (now - last <= 20) return; // ≤ 10% of one core over 200 ms: background timers only
    last = now;
  }
}

async function waitForServer(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

/** Signs in through next-auth's credentials endpoint, exactly as the sign-in form does. */
async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; '), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.includes('session-token='));
  if (!session) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return session;
}

type Run = { page: string; cache: string; connections: number; storedCopyShare: number | null; renderedInRun: number; writesInRun: number | null; bytesPerResponse: number; reqPerSec: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; cpuMsPerReq: number; requests: number };

/**
 * Whether a response was the stored compressed copy of a cached page (lib/http/response-encoding.ts):
 * that copy goes out whole, with Content-Encoding and its Content-Length; a response compressed as it
 * is sent (the `compression` middleware) drops the length and is chunked. Counted over compressed
 * and uncompressed responses alike, so 100 means every response was a stored copy.
 */
function countStoredCopy(flat: string[], count: { stored: number; all: number; rendered: number }): void {
  const names = new Set(flat.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase()));
  count.all += 1;
  if (names.has('content-encoding') && names.has('content-length') && !names.has('transfer-encoding')) count.stored += 1;
  // A page rendered in this run (its entry was marked stale by a write, e.g. a background job's):
  // it has no stored copy yet, and is compressed as it is sent.
  const cache = flat.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === 'x-nextjs-cache');
  if (cache >= 0 && flat[cache + 1] !== 'HIT') count.rendered += 1;
}

async function main() {
  const scratch = givenDatabase ? { url: givenDatabase, drop: async () => {} } : await createScratchDatabase('kakehashi_bench_pages');
  process.env.DATABASE_URL = scratch.url;
  let server: ChildProcess | undefined;
  let writer: NeedWriter | undefined;
  try {
    const { prepareDatabase } = await import('../../lib/database/prepare');
    const fresh = !givenDatabase || seedGiven;
    const prepared = await prepareDatabase(scratch.url);
    const { seedDemoForDevelopment } = await import('../../prisma/seed/development');
    if (fresh) await seedDemoForDevelopment(scratch.url);
    if (world && fresh) {
      const [companies, needs] = world.split('x').map(Number);
      const { createDb } = await import('../../lib/db');
      const { createSyntheticWorld } = await import('./synthetic-world');
      const { rebuildAllMatches } = await import('../../lib/match-store/rebuild');
      const db = createDb(scratch.url, 4);
      const started = Date.now();
      await createSyntheticWorld(db, { companies, needs });
      await rebuildAllMatches(db);
      await db.$disconnect();
      log(`synthetic world ${companies} × ${needs} built and ranked in ${round((Date.now() - started) / 1000)} s`);
    }
    const sql = new Client({ connectionString: scratch.url });
    await sql.connect();
    await sql.query('VACUUM ANALYZE');
    const pick = async (query: string) => ((await sql.query(query)).rows[0] as { id: string }).id;
    const needId = await pick(`SELECT n.id FROM "Need" n JOIN "Company" c ON true WHERE n.status = 'OPEN' AND c."isDemo" ORDER BY n."createdAt" LIMIT 1`);
    // The oldest open need of the hromada the bench signs in as (the demo world's Kyiv), with its recommended companies.
    const ownNeedId = await pick(`SELECT n.id FROM "Need" n JOIN "User" u ON u."municipalityId" = n."municipalityId" WHERE u.email LIKE 'hromada-kyiv@%' AND n.status = 'OPEN' ORDER BY n."createdAt" LIMIT 1`);
    const matchId = await pick(`SELECT m.id FROM "Match" m JOIN "Company" c ON c.id = m."companyId" WHERE c."isDemo" ORDER BY m.score DESC LIMIT 1`);
    const sizes = (await sql.query(`SELECT (SELECT count(*) FROM "Company")::int AS companies, (SELECT count(*) FROM "Need")::int AS needs, (SELECT count(*) FROM "Match")::int AS matches`)).rows[0];
    await sql.end();
    log(`world: ${JSON.stringify(sizes)}`);

    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    // As `npm start` runs it: the server the build compiled to JavaScript, under plain Node; --tsx
    // runs lib/http/app-server.ts under tsx's loader instead, as before session 7, for comparison.
    const entry = underTsx ? ['--import', 'tsx', 'lib/http/app-server.ts'] : [builtServer()];
    log(`server: node ${[...nodeFlags, ...entry].join(' ')}`);
    server = spawn(process.execPath, [...profile, ...nodeFlags, ...entry, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...(processes ? { WEB_CONCURRENCY: processes } : {}), NODE_ENV: 'production', DATABASE_URL: scratch.url, NEXTAUTH_SECRET: prepared.sessionSecret, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
    });
    await waitForServer(server);
    const pid = server.pid!;
    const { DEMO_PASSWORD, listDemoAccounts } = await import('../../prisma/seed/demo-world');
    const account = (prefix: string) => listDemoAccounts().find((a) => a.email.startsWith(`${prefix}@`))!.email;
    const facilitator = await signIn(account('facilitator'), DEMO_PASSWORD);
    const company = await signIn(account('company-01'), DEMO_PASSWORD);
    const municipality = await signIn(account('hromada-kyiv'), DEMO_PASSWORD);

    const pages: { name: string; path: string; cookie?: string }[] = [
      { name: 'health', path: '/api/health' },
      ...renderedToo({ name: 'home', path: '/en' }),
      ...renderedToo({ name: 'needs', path: '/en/needs' }),
      ...renderedToo({ name: 'need', path: `/en/needs/${needId}` }),
      ...renderedToo({ name: 'map', path: '/en/needs?view=map' }),
      // What the map's interactive part reads once the page is in a browser (from the cache too).
      { name: 'mapData', path: '/api/map/needs/en' },
      { name: 'queue', path: '/en/facilitator/matches', cookie: facilitator },
      { name: 'card', path: `/en/facilitator/matches/${matchId}`, cookie: facilitator },
      { name: 'recommended', path: '/en/company/recommended', cookie: company },
      { name: 'dashboard', path: '/en/facilitator/dashboard', cookie: facilitator },
      // The signed-in start pages not listed above (a company's is its recommendations, a
      // facilitator's the dashboard) and the need page as a signed-in company sees it.
      { name: 'ourNeeds', path: '/en/municipality/needs', cookie: municipality },
      { name: 'needSigned', path: `/en/needs/${needId}`, cookie: company },
      // A need's page as its own hromada and as a facilitator read it: with its recommended companies.
      { name: 'needOwn', path: `/en/needs/${ownNeedId}`, cookie: municipality },
      { name: 'needStaff', path: `/en/needs/${ownNeedId}`, cookie: facilitator },
    ].filter((p) => !only || only.includes(p.name.split('/')[0]));

    // Imported here: lib/db reads DATABASE_URL when it loads.
    if (writeEvery) writer = await (await import('./need-writer')).needWriter(scratch.url, account('hromada-kyiv'), writeEvery);
    const rssStart = rssMb(pid);
    const runs: Run[] = [];
    log(`load: ${os.loadavg().map(round).join(' ')} · ${duration} s per run${writeEvery ? ` · a need renamed every ${writeEvery} ms during each run` : ''}`);
    log('page            conns   req/s    p50    p95    p99 ms  cpu ms/req  errors   KB/resp  stored %  cache');
    for (const page of pages) {
      // --gzip/--brotli ask for a compressed response as browsers do (a cached page goes out as its
      // stored copy, anything else is compressed as it is sent); without, the bytes go as they are.
      const headers = { ...(page.cookie ? { cookie: page.cookie } : {}), ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) };
      // Warm up: compile-on-first-use, caches and connection pools are not what is measured.
      const check = await fetch(base + page.path, { headers, redirect: 'manual' });
      if (check.status !== 200) throw new Error(`${page.path} answered ${check.status}`);
      if (!acceptEncoding) logBytes(page.name, await check.text(), arg('save-html'));
      await autocannon({ url: base + page.path, headers, connections: 2, amount: 20 });
      // Whether the page comes from Next's cache (the public pages, for anonymous visitors:
      // docs/decisions/018-public-pages-from-the-cache.md) or is rendered per request.
      const cache = (await fetch(base + page.path, { headers, redirect: 'manual' })).headers.get('x-nextjs-cache') ?? 'rendered';
      for (const connections of connectionLevels) {
        const before = cpuMs(pid);
        const times: number[] = [];
        const encodings = { stored: 0, all: 0, rendered: 0 };
        writer?.start();
        const result = await new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            { url: base + page.path, headers, connections, duration, setupClient: (client) => (client as unknown as EventEmitter).on('headers', (info: { headers: string[] }) => countStoredCopy(info.headers, encodings)) },
            (error, done) => (error ? reject(error) : resolve(done)),
          );
          instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
        });
        const writes = writer ? await writer.stop() : null;
        // Requests still in flight when the run stops cost CPU too: wait until the server is
        // idle, and divide by every request sent, not only the completed ones.
        await untilIdle(pid);
        const cpu = cpuMs(pid) - before;
        const requests = result.requests.total;
        const sent = Math.max(requests, result.requests.sent);
        times.sort((a, b) => a - b);
        const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN);
        const run: Run = {
          page: page.name, cache, connections, requests, bytesPerResponse: Math.round(result.throughput.total / Math.max(1, requests)),
          reqPerSec: round(requests / duration), p50: at(0.5), p95: at(0.95), p99: at(0.99),
          errors: result.errors + result.timeouts, non2xx: result.non2xx, cpuMsPerReq: round(cpu / Math.max(1, sent)),
          storedCopyShare: acceptEncoding && encodings.all > 0 ? round((100 * encodings.stored) / encodings.all) : null,
          renderedInRun: encodings.rendered,
          writesInRun: writes,
        };
        runs.push(run);
        log(`${page.name.padEnd(15)} ${String(connections).padStart(6)} ${String(run.reqPerSec).padStart(7)} ${String(run.p50).padStart(6)} ${String(run.p95).padStart(6)} ${String(run.p99).padStart(6)}    ${String(run.cpuMsPerReq).padStart(8)}  ${String(run.errors + run.non2xx).padStart(6)}  ${(run.bytesPerResponse / 1024).toFixed(1).padStart(8)}  ${String(run.storedCopyShare ?? '-').padStart(8)}  ${cache}${run.renderedInRun ? ` (${run.renderedInRun} rendered)` : ''}${writes === null ? '' : ` ${writes} writes`}`);
      }
    }
    const summary = { world: world ?? 'demo', processes: Number(processes ?? 1), gzip, brotli, writeEveryMs: writeEvery ?? null, sizes, load: os.loadavg().map(round), rssStartMb: rssStart, rssEndMb: rssMb(pid), runs };
    log(JSON.stringify(summary));
  } finally {
    await writer?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await scratch.drop().catch(() => {});
  }
}

await main();
process.exit(0);
