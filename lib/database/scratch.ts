import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

// A throwaway database for tests, benchmarks and migration tooling — never the dev data.
// On TEST_DATABASE_URL's server when one is given (a database is created next to the one it
// names and dropped afterwards); otherwise on an embedded PostgreSQL in a temporary folder.

export type ScratchDatabase = { url: string; drop(): Promise<void> };

export async function createScratchDatabase(prefix = 'kakehashi_scratch'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kakehashi-pg-'));
  let server: RunningPostgres;
  try {
    server = await startEmbeddedPostgres({ dataDir, persistent: false });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  await server.createDatabase(name);
  return {
    url: server.urlFor(name),
    drop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One statement on its own connection to a server (CREATE/DROP DATABASE cannot run in a transaction or pool session). */
export async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
