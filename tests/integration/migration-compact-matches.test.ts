import { describe, expect, it } from 'vitest';
import { migrationSteps } from './migration-steps';

// The migration that drops the stored explanations must keep each row's points per criterion
// (in the engine's order) and the day it was judged on: the reasons are derived from them on read.

const MIGRATION = 'compact_stored_matches';

const migrations = migrationSteps('kakehashi_compact_migration');


const entry = (criterion: string, points: number, maxPoints: number) => ({ criterion, points, maxPoints, reason: { code: 'X', params: {} } });
const SCORED = {
  kind: 'scored', score: 61, asOf: '2026-11-30',
  entries: [entry('capability', 25, 30), entry('security', 16, 18), entry('integrity', 8, 12), entry('stage', 8, 8), entry('scale', 4, 8),
    entry('kansai', 0, 5), entry('sisterCity', 0, 5), entry('experience', 0, 7), entry('reciprocal', 0, 7)],
};

describe(`migration ${MIGRATION}`, () => {
  it('keeps every row’s points in order and its day; ineligible rows keep none, with a score of 0', async () => {
    const { client } = migrations;
    await migrations.applyBefore(MIGRATION);

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

    await migrations.applyThrough(MIGRATION);

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
