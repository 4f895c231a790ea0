import pg from 'pg';
import type { Db } from '../db';

export type DatabaseHealth =
  | { status: 'up'; latencyMs: number; migrations: number }
  | { status: 'down'; error: string };

const HEALTH_TIMEOUT_MS = 2_000;

/** Whether the database answers now. Never throws: the app keeps serving while it is down. */
export async function checkDatabase(db: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
    });
    const [{ migrations }] = await Promise.race([
      db.$queryRaw<{ migrations: number }[]>`
        SELECT count(*)::int AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      timeout,
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started), migrations };
  } catch (error) {
    // Prisma's messages start with a blank line and end with the cause ("Can't reach database
    // server at …"): the last line with words says what happened.
    const line = error instanceof Error ? error.message.split('\n').map((part) => part.trim()).filter(Boolean).at(-1) : undefined;
    return { status: 'down', error: line ?? 'unknown error' };
  } finally {
    clearTimeout(timer);
  }
}

const PING_TIMEOUT_MS = 1_000;

/**
 * A cheap "is the database there": SELECT 1 on a pooled connection, given up after a second.
 * Asked before each page is rendered (lib/http/database-outage.ts), so it must stay cheap.
 */
export async function isDatabaseReachable(db: Db, timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `isDatabaseReachable` on a connection of its own, for the check before each page load. On the
 * app's pool a busy moment — every connection taken by re-ranking jobs and renders — looked like an
 * outage and turned visitors away with 503 (seen in the end-to-end runs, on RSC prefetches); one
 * dedicated connection answers whether PostgreSQL does, not whether the pool has room.
 *
 * `timeoutMs` bounds the whole question — connecting (when the connection is cold) and asking.
 * Bounding each step on its own let a slow connect followed by a slow answer take twice the
 * timeout, while every page load waited on it (lib/http/database-outage.ts shares one question).
 */
export function databasePinger(connectionString: string, timeoutMs = PING_TIMEOUT_MS): { isReachable: () => Promise<boolean>; end: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: timeoutMs, idleTimeoutMillis: 60_000 });
  // An idle connection the server dropped (a restart) is an error event, not a crash; the next ping reconnects.
  pool.on('error', () => {});
  return {
    isReachable: () => new Promise<boolean>((resolve) => {
      const deadline = performance.now() + timeoutMs;
      let answered = false;
      let timer: NodeJS.Timeout | undefined;
      const answer = (reachable: boolean) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(reachable);
      };
      /** When the question went out, once it has. */
      let askedAt: number | undefined;
      let extended = false;
      // When the timer fires, the answer may already be waiting in the socket: a render that held
      // the event loop past the timeout runs timers before I/O. setImmediate lets the loop read it
      // first, so a busy process is not taken for a database outage.
      const giveUp = () => setImmediate(() => {
        if (answered) return;
        // The process was too busy to ask in time: the connection was handed over (on a later
        // tick, even an idle one) only after the deadline, because a render held the event loop.
        // That says nothing about the database, so the question gets its own timeout from when it
        // went out — once.
        if (!extended && askedAt !== undefined && askedAt >= deadline) {
          extended = true;
          timer = setTimeout(giveUp, Math.max(0, askedAt + timeoutMs - performance.now()));
          return;
        }
        answer(false);
      });
      timer = setTimeout(giveUp, timeoutMs);
      pool.connect().then(
        (client) => {
          if (answered) {
            client.release();
            return;
          }
          askedAt = performance.now();
          client.query('SELECT 1').then(
            () => { client.release(); answer(true); },
            (error: Error) => { client.release(error); answer(false); },
          );
        },
        () => answer(false),
      );
    }),
    end: () => pool.end(),
  };
}
