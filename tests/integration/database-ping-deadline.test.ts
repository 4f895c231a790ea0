import net from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { databasePinger } from '../../lib/platform/health';

// The outage check's ping (lib/platform/health.ts databasePinger) answers within its timeout in
// all: connecting on a cold connection and asking SELECT 1 share one deadline. Each step bounded
// on its own let a slow connect followed by a slow answer take up to twice the timeout, while
// every page load waited for it. A proxy between the ping and the test database holds back the
// connection's first message and each query by a set delay.

type Delays = { connect: number; query: number };

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A TCP proxy to PostgreSQL that delays the startup message and every simple query ('Q'). */
async function slowPostgres(url: string, delays: Delays): Promise<string> {
  const target = new URL(url);
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    let first = true;
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      const delay = first ? delays.connect : chunk[0] === 0x51 ? delays.query : 0;
      first = false;
      // In order: a chunk waits for the ones before it, then for its own delay.
      queue = queue.then(() => new Promise<void>((resolve) => setTimeout(() => { upstream.write(chunk); resolve(); }, delay)));
    });
    upstream.pipe(client);
    const close = () => { client.destroy(); upstream.destroy(); };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  server.unref();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return proxied.toString();
}

describe('the outage check’s ping', () => {
  it('finds a database that connects and answers within the timeout', async () => {
    const pinger = databasePinger(await slowPostgres(inject('databaseUrl'), { connect: 50, query: 50 }), 1_000);
    expect(await pinger.isReachable()).toBe(true);
    await pinger.end();
  });

  it('gives up when connecting and asking together take longer than the timeout, though each alone is shorter', async () => {
    const pinger = databasePinger(await slowPostgres(inject('databaseUrl'), { connect: 600, query: 600 }), 1_000);
    expect(await pinger.isReachable()).toBe(false);
    await pinger.end();
  });

  it('uses the connection it opened late for the next question', async () => {
    // The connection that arrived after the deadline is kept; the next ping needs only to ask.
    const pinger = databasePinger(await slowPostgres(inject('databaseUrl'), { connect: 900, query: 300 }), 1_000);
    expect(await pinger.isReachable()).toBe(false);
    expect(await pinger.isReachable()).toBe(true);
    await pinger.end();
  });
});
