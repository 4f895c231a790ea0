import { describe, expect, it } from 'vitest';
import { migrationSteps } from './migration-steps';

// The migration that keeps a company list's last need beside its floor fills both from the lists
// as stored: a need's re-rank decides a tie at the floor from the key, and a key lower than the
// list's real last need would keep out, silently, a need that wins the tie. So: the lowest score on
// the list and the highest need id at it, only for a full list (10, COMPANY_TOP_K, or more), only
// from the pairs on the company's list; -1 and null otherwise, whatever the floor said before.

const MIGRATION = 'company_list_floor_key';

const migrations = migrationSteps('kakehashi_floor_key_migration');

const company = (n: number) => `00000000-0000-4000-8000-0000000000c${n}`;
const need = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One stored pair as the previous schema held it. */
const pair = (companyId: string, needId: string, score: number, inCompanyTop: boolean) =>
  `(gen_random_uuid(), '${needId}', '${companyId}', ${score}, '{}', current_date, 1, false, ${inCompanyTop}, now())`;

describe(`migration ${MIGRATION}`, () => {
  it('fills each full company list’s floor and last need from its pairs, and empties the others', async () => {
    const { client } = migrations;
    await migrations.applyBefore(MIGRATION);

    const pairs: string[] = [];
    // c1: a full list of 10; its three lowest tie at 40 (needs 8, 9, 10): the key is need 10. Its
    // stored floor lagged (-1). A pair off its list scoring lower (need 11) does not count.
    for (let n = 1; n <= 7; n += 1) pairs.push(pair(company(1), need(n), 100 - n, true));
    for (const n of [9, 10, 8]) pairs.push(pair(company(1), need(n), 40, true));
    pairs.push(pair(company(1), need(11), 10, false));
    // c2: 11 on its list (one too many, as a concurrent trim can leave it): the lowest of them.
    for (let n = 1; n <= 11; n += 1) pairs.push(pair(company(2), need(n), 50 + n, true));
    // c3: 5 on its list, though its stored floor said full at 30: the list has room.
    for (let n = 1; n <= 5; n += 1) pairs.push(pair(company(3), need(n), 30 + n, true));
    // c4: no pair at all.
    const profile = (id: string, floor: number) => `('${id}', true, 1, 0, 0, 'NO_HOSTILITIES', 1, 1, 'NONE', NULL, 'MANUFACTURING_AND_OTHER',
        1000000, 10, '13', 'KANTO', 'Tokyo', NULL, NULL, false, ${floor})`;
    await client.query(`
      SET session_replication_role = replica;
      INSERT INTO "CompanyMatchProfile" ("companyId", "isEligible", "sectorMask", "capabilityLo", "capabilityHi", "riskAppetite",
        "deliveryMask", "stageMask", "tenderRequirement", "maxProjectEur", industry, "capitalJpy", employees, "prefectureCode", region,
        "cityEn", "cityCode", "experienceCountries", "hasDisasterReconstructionExperience", "matchFloor")
      VALUES ${[profile(company(1), -1), profile(company(2), 52), profile(company(3), 30), profile(company(4), -1)].join(', ')};
      INSERT INTO "Match" (id, "needId", "companyId", score, points, "judgedOn", "policyVersion", "inNeedTop", "inCompanyTop", "updatedAt")
        VALUES ${pairs.join(', ')};
      SET session_replication_role = DEFAULT;`);

    await migrations.applyThrough(MIGRATION);

    const { rows } = await client.query<{ companyId: string; matchFloor: number; matchFloorNeedId: string | null }>(
      `SELECT "companyId", "matchFloor", "matchFloorNeedId" FROM "CompanyMatchProfile" ORDER BY "companyId"`);
    expect(rows).toEqual([
      { companyId: company(1), matchFloor: 40, matchFloorNeedId: need(10) },
      { companyId: company(2), matchFloor: 51, matchFloorNeedId: need(1) },
      { companyId: company(3), matchFloor: -1, matchFloorNeedId: null },
      { companyId: company(4), matchFloor: -1, matchFloorNeedId: null },
    ]);
    // The CHECK is validated: a full floor without its key is refused from now on.
    await expect(client.query(`UPDATE "CompanyMatchProfile" SET "matchFloor" = 60 WHERE "companyId" = '${company(3)}'`))
      .rejects.toThrow(/CompanyMatchProfile_floor_key/);
    const { rows: [check] } = await client.query<{ validated: boolean }>(
      `SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'CompanyMatchProfile_floor_key'`);
    expect(check.validated).toBe(true);
    // And the covering sector index is there again, with the key in it.
    const { rows: [index] } = await client.query<{ definition: string }>(
      `SELECT pg_get_indexdef('"CompanyMatchProfile_sector_scan_idx"'::regclass) AS definition`);
    expect(index.definition).toContain('"matchFloorNeedId"');
  });
});
