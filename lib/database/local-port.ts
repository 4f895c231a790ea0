import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { EmbeddedPostgresError } from './embedded-postgres';

// Which port the embedded PostgreSQL of `npm run dev` listens on. Not one inside the kernel's
// ephemeral range: any outgoing connection may hold such a port for a while, and a restart
// then fails with "address already in use" (54329, the old default, lies inside Linux's
// 32768–60999 and macOS's 49152–65535).

/** Outside every common ephemeral range, next to PostgreSQL's own 5432. */
export const PREFERRED_EMBEDDED_PORT = 15432;
const TRIES = 100;

export type PortRange = { low: number; high: number };

/** The kernel's ephemeral ports, where it says (Linux); null elsewhere. */
export function ephemeralPortRange(file = '/proc/sys/net/ipv4/ip_local_port_range'): PortRange | null {
  try {
    const [low, high] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && Number.isInteger(high) && low <= high ? { low, high } : null;
  } catch {
    return null;
  }
}

function inRange(port: number, range: PortRange | null): boolean {
  return range !== null && port >= range.low && port <= range.high;
}

/** Whether a server could listen on `port` of the loopback address now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `from` upwards that is not an ephemeral one. */
export async function findFreePort(from: number, range = ephemeralPortRange()): Promise<number> {
  let port = from;
  for (let tried = 0; tried < TRIES && port <= 65535; port++) {
    if (inRange(port, range)) {
      port = range!.high;
      continue;
    }
    tried++;
    if (await isPortFree(port)) return port;
  }
  throw new EmbeddedPostgresError(
    `No free port for the embedded PostgreSQL from ${from} upwards. Choose one with EMBEDDED_PG_PORT=<port>.`,
  );
}

/**
 * EMBEDDED_PG_PORT when given (and then it must be free: a clear refusal rather than a
 * PostgreSQL that dies at start); otherwise the first free port from the preferred one.
 */
export async function chooseEmbeddedPort(requested: string | undefined, range = ephemeralPortRange()): Promise<number> {
  if (requested === undefined || requested.trim() === '') return findFreePort(PREFERRED_EMBEDDED_PORT, range);
  const port = Number(requested);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new EmbeddedPostgresError(`EMBEDDED_PG_PORT=${requested} is not a port number (1–65535).`);
  }
  if (!(await isPortFree(port))) {
    throw new EmbeddedPostgresError(
      `Port ${port} (EMBEDDED_PG_PORT) is taken by another program, perhaps another app's database. ` +
        'Choose another with EMBEDDED_PG_PORT=<port>, or leave it unset to let the launcher pick a free one.',
    );
  }
  return port;
}
