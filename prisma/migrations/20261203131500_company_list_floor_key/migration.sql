-- The need a company's full list ends with (issue 16 (a), docs/benchmarks/matching.md, session 11, written then as 20261203052500 and renamed to follow the covering index of session 13):
-- a need scoring exactly the list's floor enters iff its id sorts before this one, which a need's
-- re-rank then reads from the profile row instead of probing every such company's list. Written in
-- the same statement as "matchFloor" by every path that writes the floor (lib/match-store).
-- AlterTable
ALTER TABLE "CompanyMatchProfile" ADD COLUMN     "matchFloorNeedId" UUID;

-- Rebuilt at the end with the key: not maintained for each row of the backfill meanwhile.
DROP INDEX "CompanyMatchProfile_sector_scan_idx";

-- The key exists exactly when the list is full. Checked for new writes from here on (an old
-- instance writing a floor without the key fails now, not after the backfill: see README,
-- Upgrading), validated for every row once the backfill is done.
ALTER TABLE "CompanyMatchProfile" ADD CONSTRAINT "CompanyMatchProfile_floor_key"
  CHECK (("matchFloor" = -1) = ("matchFloorNeedId" IS NULL)) NOT VALID;

-- Backfill from the lists as they are: a list of 10 (COMPANY_TOP_K, lib/match-store/write.ts) or
-- more gets its lowest score and the highest need id at it, any other list -1 and null. A floor
-- that lagged behind its list becomes exact.
UPDATE "CompanyMatchProfile" p SET "matchFloor" = COALESCE(l.floor, -1), "matchFloorNeedId" = l.key
FROM "CompanyMatchProfile" q
  LEFT JOIN (
    SELECT "companyId", floor, key FROM (
      SELECT DISTINCT ON ("companyId") "companyId", score AS floor, "needId" AS key,
        count(*) OVER (PARTITION BY "companyId") AS listed
      FROM "Match" WHERE "inCompanyTop"
      ORDER BY "companyId", score, "needId" DESC) last
    WHERE listed >= 10) l ON l."companyId" = q."companyId"
WHERE p."companyId" = q."companyId"
  AND (p."matchFloor", p."matchFloorNeedId") IS DISTINCT FROM (COALESCE(l.floor, -1), l.key);

ALTER TABLE "CompanyMatchProfile" VALIDATE CONSTRAINT "CompanyMatchProfile_floor_key";

-- A need's sector read decides a tie at the floor by this key, so the covering index of eligible
-- profiles (20261203121915_company_profile_sector_scan_index) holds it too: the read stays an
-- index-only scan. Built again with the column added.
CREATE INDEX "CompanyMatchProfile_sector_scan_idx" ON "CompanyMatchProfile" ("sectorMask")
  INCLUDE ("companyId", "capabilityLo", "capabilityHi", "riskAppetite", "deliveryMask", "stageMask",
    "tenderRequirement", "maxProjectEur", "industry", "capitalJpy", "employees", "prefectureCode", "region",
    "cityEn", "cityCode", "experienceCountries", "hasDisasterReconstructionExperience", "matchFloor", "matchFloorNeedId")
  WHERE "isEligible";
