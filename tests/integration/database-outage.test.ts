import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '../../lib/database/embedded-postgres';
import { createDb } from '../../lib/db';
import { answerDuringOutage, RETRY_AFTER_SECONDS } from '../../lib/http/database-outage';
import en from '../../lib/i18n/messages/en.json';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import { databasePinger, isDatabaseReachable } from '../../lib/platform/health';

// While PostgreSQL is down a page load gets a translated "temporarily unavailable" page with
// 503 and Retry-After (it used to be a bare 500), and pages are served as usual once it is back.

/** A PostgreSQL of the test's own, with one database, that the test may stop and start again. */
type OwnPostgres = { url: string; stop(): Promise<void>; start(): Promise<void> };

async function withOwnPostgres(database: string, work: (postgres: OwnPostgres) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `kakehashi-${database}-`));
  const port = await freePort();
  let server: RunningPostgres | undefined = await startEmbeddedPostgres({ dataDir, port });
  try {
    await server.createDatabase(database);
    await work({
      url: server.urlFor(database),
      stop: async () => {
        await server?.stop();
        server = undefined;
      },
      start: async () => {
        server = await startEmbeddedPostgres({ dataDir, port });
      },
    });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const page = (pathname: string, init: { method?: string; headers?: Record<string, string>; cookieLocale?: string } = {}) => ({
  method: init.method ?? 'GET',
  pathname,
  headers: new Headers(init.headers),
  cookieLocale: init.cookieLocale,
});

describe('a database outage', () => {
  it('answers page loads with a translated 503 and Retry-After, and nothing else', () => withOwnPostgres('outage', async (postgres) => {
    // The check proxy.ts makes: a connection of its own (lib/http/database-outage.ts).
    const pinger = databasePinger(postgres.url);
    const reachable = pinger.isReachable;

    expect(await answerDuringOutage(page('/ja/needs'), reachable)).toBeNull();

    await postgres.stop();
    expect(await reachable()).toBe(false);

    const japanese = await answerDuringOutage(page('/ja/needs'), reachable);
    expect(japanese?.status).toBe(503);
    expect(japanese?.headers.get('Retry-After')).toBe(String(RETRY_AFTER_SECONDS));
    expect(japanese?.headers.get('Cache-Control')).toBe('no-store');
    const html = await japanese!.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(ja.unavailable.title);
    expect(html).toContain(ja.unavailable.body);

    const ukrainian = await answerDuringOutage(page('/', { headers: { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' } }), reachable);
    expect(await ukrainian!.text()).toContain(uk.unavailable.title);
    const remembered = await answerDuringOutage(page('/', { cookieLocale: 'en', headers: { 'accept-language': 'ja' } }), reachable);
    expect(await remembered!.text()).toContain(en.unavailable.title);

    // API routes answer for themselves (health says 503 on its own); actions expect their format.
    expect(await answerDuringOutage(page('/api/health'), reachable)).toBeNull();
    expect(await answerDuringOutage(page('/ja/needs/new', { method: 'POST', headers: { 'next-action': 'abc' } }), reachable)).toBeNull();

    await postgres.start();
    expect(await answerDuringOutage(page('/ja/needs'), reachable)).toBeNull();
    await pinger.end();
  }));
  it('is not mistaken for a busy pool: with every app connection taken, the page check still finds the database', () => withOwnPostgres('busy', async ({ url }) => {
    const db = createDb(url, 2);
    const pinger = databasePinger(url);
    // Both of the app pool's connections sit in transactions until released.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Each holder says when its transaction has its connection (no sleep: under load 200 ms was not
    // always enough for both to start, and the app's check then found a free connection).
    const holding: Promise<void>[] = [];
    const holders = [1, 2].map(() => {
      let held!: () => void;
      holding.push(new Promise<void>((resolve) => (held = resolve)));
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        held();
        await released;
      }, { timeout: 30_000 });
    });
    await Promise.all(holding);
    expect(await isDatabaseReachable(db, 300)).toBe(false);
    expect(await answerDuringOutage(page('/ja/needs'), pinger.isReachable)).toBeNull();
    release();
    await Promise.all(holders);
    await pinger.end();
    await db.$disconnect();
  }));
  it('is not mistaken for a busy process: an answer that arrived while a render held the event loop counts', () => withOwnPostgres('stall', async ({ url }) => {
    const pinger = databasePinger(url, 300);
    expect(await pinger.isReachable()).toBe(true); // connected
    const answer = pinger.isReachable();
    const until = performance.now() + 600; // longer than the timeout, synchronously
    while (performance.now() < until) { /* a long render */ }
    expect(await answer).toBe(true);
    await pinger.end();
  }));
});
