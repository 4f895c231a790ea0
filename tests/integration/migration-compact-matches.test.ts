import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';
import { listMigrations, MIGRATIONS_DIR } from '../../lib/database/schema-engine';

// The migration that drops the stored explanations must keep each row's points per criterion
// (in the engine's order) and the day it was judged on: the reasons are derived from them on read.

const MIGRATION = 'compact_stored_matches';

let scratch: ScratchDatabase;
let client: Client;
beforeAll(async () => {
  scratch = await createScratchDatabase('kakehashi_compact_migration');
  client = new Client({ connectionString: scratch.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await scratch?.drop();
});

const sqlOf = (name: string) => readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');

const entry = (criterion: string, points: number, maxPoints: number) => ({ criterion, points, maxPoints, reason: { code: 'X', params: {} } });
const SCORED = {
  kind: 'scored', score: 61, asOf: '2026-11-30',
  entries: [entry('capability', 25, 30), entry('security', 16, 18), entry('integrity', 8, 12), entry('stage', 8, 8), entry('scale', 4, 8),
    entry('kansai', 0, 5), entry('sisterCity', 0, 5), entry('experience', 0, 7), entry('reciprocal', 0, 7)],
};

describe(`migration ${MIGRATION}`, () => {
  it('keeps every row’s points in order and its day; ineligible rows keep none, with a score of 0', async () => {
    const names = (await listMigrations()).migrationDirectories.map((dir) => dir.path);
    const index = names.findIndex((name) => name.endsWith(MIGRATION));
    expect(index).toBeGreaterThan(0);
    for (const name of names.slice(0, index)) await client.query(await sqlOf(name));

    const need = '00000000-0000-4000-8000-0000000000b1';
    const company = (n: number) => `00000000-0000-4000-8000-0000000000d${n}`;
    await client.query(`SET session_replication_role = replica`);
    await client.query(`INSERT INTO "MatchingPolicy" (version, weights, "hardConstraints") VALUES (1, '{}', '{}')`);
    const insert = (n: number, score: number, explanation: object) =>
      client.query(`INSERT INTO "Match" (id, "needId", "companyId", score, explanation, "policyVersion", "computedAt", "updatedAt")
        VALUES (gen_random_uuid(), $1, $2, $3, $4, 1, '2026-11-29T10:00:00Z', now())`, [need, company(n), score, JSON.stringify(explanation)]);
    await insert(1, 61, SCORED);
    await insert(2, 0, { kind: 'ineligible', asOf: '2026-11-28' });
    await insert(3, 40, { kind: 'excluded', failed: [], asOf: '2026-11-27' });
    await client.query(`SET session_replication_role = DEFAULT`);

    await client.query(await sqlOf(names[index]));

    const rows = await client.query(`SELECT "companyId", score, points, to_char("judgedOn", 'YYYY-MM-DD') AS "judgedOn" FROM "Match" ORDER BY "companyId"`);
    expect(rows.rows).toEqual([
      { companyId: company(1), score: 61, points: [25, 16, 8, 8, 4, 0, 0, 0, 0], judgedOn: '2026-11-30' },
      { companyId: company(2), score: 0, points: [], judgedOn: '2026-11-28' },
      { companyId: company(3), score: 0, points: [], judgedOn: '2026-11-27' },
    ]);
    const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Match' AND column_name = 'explanation'`);
    expect(columns.rowCount).toBe(0);
  });
});
