import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';
import { listMigrations, MIGRATIONS_DIR } from '../../lib/database/schema-engine';

// A migration test replays the migrations in order on a scratch database of its own, stopping
// before the one it tests to write rows as the previous schema held them. Call at the top of a
// test file: the database is created before its tests and dropped after them.

export type MigrationSteps = {
  /** The connection the migrations ran on, for the rows and the checks. */
  readonly client: Client;
  /** Applies the migrations not yet applied that come before the one whose name ends with `suffix`. */
  applyBefore(suffix: string): Promise<void>;
  /** Applies the migrations not yet applied up to and including the one whose name ends with `suffix`. */
  applyThrough(suffix: string): Promise<void>;
};

export function migrationSteps(databasePrefix: string): MigrationSteps {
  let scratch: ScratchDatabase | undefined;
  let client: Client | undefined;
  let applied = 0;
  beforeAll(async () => {
    scratch = await createScratchDatabase(databasePrefix);
    client = new Client({ connectionString: scratch.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await scratch?.drop();
  });

  const applyUntil = async (suffix: string, inclusive: boolean) => {
    const names = (await listMigrations()).migrationDirectories.map((dir) => dir.path);
    const index = names.findIndex((name) => name.endsWith(suffix));
    expect(index, `the migration ${suffix}, not the first`).toBeGreaterThan(0);
    const end = inclusive ? index + 1 : index;
    expect(applied, `${suffix} comes after the migrations already applied`).toBeLessThanOrEqual(end);
    for (const name of names.slice(applied, end)) {
      await client!.query(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'));
    }
    applied = end;
  };
  return {
    get client() {
      if (!client) throw new Error('migrationSteps: the database opens in beforeAll');
      return client;
    },
    applyBefore: (suffix) => applyUntil(suffix, false),
    applyThrough: (suffix) => applyUntil(suffix, true),
  };
}
