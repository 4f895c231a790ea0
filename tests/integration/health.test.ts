import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '../../lib/database/embedded-postgres';
import { applyMigrations, listMigrations } from '../../lib/database/schema-engine';
import { createDb } from '../../lib/db';
import { checkDatabase } from '../../lib/platform/health';

// A database of its own, so that stopping it does not disturb the other tests.
const dataDir = mkdtempSync(path.join(tmpdir(), 'kakehashi-health-'));
let server: RunningPostgres | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('database health', () => {
  it('is up, then down while the database is stopped, then up again with the same client', async () => {
    const port = await freePort();
    server = await startEmbeddedPostgres({ dataDir, port });
    await server.createDatabase('health');
    await applyMigrations(server.urlFor('health'));
    const db = createDb(server.urlFor('health'), 2);

    const { migrationDirectories } = await listMigrations();
    expect(await checkDatabase(db)).toMatchObject({ status: 'up', migrations: migrationDirectories.length });

    await server.stop();
    server = undefined;
    const down = await checkDatabase(db);
    expect(down.status).toBe('down');
    // The reason, not Prisma's blank first line.
    expect(down.status === 'down' && down.error).toMatch(/\S/);

    server = await startEmbeddedPostgres({ dataDir, port });
    expect(await checkDatabase(db)).toMatchObject({ status: 'up' });
    await db.$disconnect();
  });
});
