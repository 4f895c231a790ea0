import { describe, expect, it } from 'vitest';
import { migrationSteps } from './migration-steps';

// The migration that hands decisions and introductions from the Match row to the pair (need,
// company) must carry every existing row over: nothing a person decided is lost on deploy.

const MIGRATION = 'decisions_belong_to_the_pair';

const migrations = migrationSteps('kakehashi_pair_migration');


describe(`migration ${MIGRATION}`, () => {
  it('fills each decision’s and introduction’s pair from its match', async () => {
    const { client } = migrations;
    await migrations.applyBefore(MIGRATION);

    // Rows as the previous schema held them; parents' own references are not the point here.
    await client.query(`
      SET session_replication_role = replica;
      INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
        VALUES ('00000000-0000-4000-8000-0000000000a1', 'f@example.test', 'Facilitator', 'x', 'FACILITATOR', now());
      INSERT INTO "Need" (id, "municipalityId", "hromadaCode", sector, title, description, stage, urgency, "fundingSource", "procurementMethod", "updatedAt")
        VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000c1', 'UA00000000000000001', 'WATER_SANITATION',
          'Pumps', 'Pumps', 'RAPID_RECOVERY', 'LOW', 'MUNICIPAL_BUDGET', 'NONE', now());
      INSERT INTO "Company" (id, "legalNameJa", "legalNameEn", "corporateNumber", "prefectureCode", "cityJa", "cityEn", industry, employees,
          "capitalJpy", "riskAppetite", "contactName", "contactEmail", "updatedAt")
        VALUES ('00000000-0000-4000-8000-0000000000d1', '株式会社', 'KK', '1234567890123', '13', '東京', 'Tokyo', 'MANUFACTURING_AND_OTHER', 10,
          1000000, 'NO_HOSTILITIES', 'Contact', 'c@example.test', now());
      INSERT INTO "MatchingPolicy" (version, weights, "hardConstraints") VALUES (1, '{}', '{}');
      INSERT INTO "Match" (id, "needId", "companyId", score, explanation, "policyVersion", status, "updatedAt")
        VALUES ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d1',
          70, '{}', 1, 'INTRODUCED', now());
      INSERT INTO "MatchDecision" (id, "matchId", "actorId", action, "fromStatus", "toStatus", note)
        VALUES ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a1',
          'INTRODUCE', 'SUGGESTED', 'INTRODUCED', 'Meet them.');
      INSERT INTO "Introduction" (id, "matchId", "introducedById", message)
        VALUES ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a1', 'Meet them.');
      SET session_replication_role = DEFAULT;`);

    await migrations.applyThrough(MIGRATION);

    const decisions = await client.query('SELECT "needId", "companyId", note FROM "MatchDecision"');
    expect(decisions.rows).toEqual([
      { needId: '00000000-0000-4000-8000-0000000000b1', companyId: '00000000-0000-4000-8000-0000000000d1', note: 'Meet them.' },
    ]);
    const introductions = await client.query('SELECT "needId", "companyId", message FROM "Introduction"');
    expect(introductions.rows).toEqual([
      { needId: '00000000-0000-4000-8000-0000000000b1', companyId: '00000000-0000-4000-8000-0000000000d1', message: 'Meet them.' },
    ]);
    // The match row no longer holds the history: deleting it leaves the pair's decisions.
    await client.query(`DELETE FROM "Match" WHERE id = '00000000-0000-4000-8000-0000000000e1'`);
    expect((await client.query('SELECT count(*)::int AS n FROM "MatchDecision"')).rows[0].n).toBe(1);
  });
});
