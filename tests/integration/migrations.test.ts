import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';
import {
  applyMigrations,
  diffSchemas,
  listMigrations,
  SCHEMA_PATH,
  SNAPSHOT_PATH,
} from '../../lib/database/schema-engine';

let empty: ScratchDatabase;
beforeAll(async () => {
  empty = await createScratchDatabase('kakehashi_migrations');
});
afterAll(async () => {
  await empty?.drop();
});

describe('migrations', () => {
  it('cover every change in schema.prisma (run `npm run db:migrate:new -- <name>` if this fails)', async () => {
    const snapshot = await readFile(SNAPSHOT_PATH, 'utf8');
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const uncovered = await diffSchemas(empty.url, snapshot, schema);
    expect(uncovered, 'schema.prisma has changes that no migration covers').toBe('');
  });

  it('apply to an empty database in order, once', async () => {
    const { migrationDirectories } = await listMigrations();
    const first = await applyMigrations(empty.url);
    expect(first).toEqual(migrationDirectories.map((dir) => dir.path));
    expect(await applyMigrations(empty.url)).toEqual([]);

    const client = new Client({ connectionString: empty.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(first);
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['Hromada', 'HostilityPeriod', 'Company', 'Need', 'Match', 'AuditLog', 'MatchingPolicy']),
      );
    } finally {
      await client.end();
    }
  });

  it('produce the tables the schema describes (the snapshot is what the migrations build)', async () => {
    // Diffing the migrations' result against the snapshot would need the engine to describe a
    // live database, which its WebAssembly build cannot; diffing from empty must at least yield
    // every model as a table.
    const sql = await diffSchemas(empty.url, null, await readFile(SNAPSHOT_PATH, 'utf8'));
    const modelCount = (await readFile(SNAPSHOT_PATH, 'utf8')).match(/^model /gm)?.length;
    expect(sql.match(/^CREATE TABLE/gm)?.length).toBe(modelCount);
  });
});
