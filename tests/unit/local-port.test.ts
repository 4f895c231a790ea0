import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chooseEmbeddedPort,
  ephemeralPortRange,
  findFreePort,
  PREFERRED_EMBEDDED_PORT,
} from '../../lib/database/local-port';

// The embedded PostgreSQL's port: never an ephemeral one, the next free one when unset, and a
// clear refusal when the one asked for is taken (it used to print `undefined`).

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function occupy(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

async function occupyFreeRun(): Promise<number> {
  // Two free neighbours outside the ephemeral range: the first is taken, the second is the answer.
  let candidate = 20_000 + Math.floor(Math.random() * 5_000);
  for (;;) {
    const first = await findFreePort(candidate, null);
    const second = await findFreePort(first + 1, null);
    if (second === first + 1) {
      await occupy(first);
      return first;
    }
    candidate = second;
  }
}

describe('embedded PostgreSQL port', () => {
  it('reads the kernel ephemeral range, and the preferred port lies outside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'port-range-'));
    writeFileSync(path.join(dir, 'range'), '32768\t60999\n');
    expect(ephemeralPortRange(path.join(dir, 'range'))).toEqual({ low: 32768, high: 60999 });
    expect(ephemeralPortRange(path.join(dir, 'missing'))).toBeNull();
    expect(PREFERRED_EMBEDDED_PORT < 32768).toBe(true);
  });

  it('moves past a taken port to the next free one', async () => {
    const taken = await occupyFreeRun();
    expect(await findFreePort(taken, null)).toBe(taken + 1);
  });

  it('skips the ephemeral range when looking upwards', async () => {
    const taken = await occupyFreeRun();
    const chosen = await findFreePort(taken, { low: taken + 1, high: taken + 50 });
    expect(chosen).toBeGreaterThan(taken + 50);
  });

  it('chooses a free port outside the machine’s ephemeral range when EMBEDDED_PG_PORT is unset', async () => {
    const port = await chooseEmbeddedPort(undefined);
    const range = ephemeralPortRange();
    expect(port).toBeGreaterThanOrEqual(PREFERRED_EMBEDDED_PORT);
    if (range) expect(port < range.low || port > range.high).toBe(true);
  });

  it('refuses a taken EMBEDDED_PG_PORT, naming the port and how to choose another', async () => {
    const taken = await occupy();
    const refusal = chooseEmbeddedPort(String(taken));
    await expect(refusal).rejects.toThrow(`Port ${taken} (EMBEDDED_PG_PORT) is taken`);
    await expect(refusal).rejects.toThrow(/EMBEDDED_PG_PORT=<port>/);
  });

  it('refuses an EMBEDDED_PG_PORT that is not a port', async () => {
    await expect(chooseEmbeddedPort('abc')).rejects.toThrow(/not a port number/);
  });
});
