-- A need's re-rank reads its whole sector of eligible profiles (about 14,000 of 100,000 at national
-- scale) to find the few companies the bound lets through. Through the plain index on "sectorMask"
-- that read visited about 1,800 heap pages, one or two of the sector's rows on each, and the scan
-- was a third of a light need's read. This partial index holds the eligible profiles with every
-- column, ordered by sector mask, so a sector is read from about 300 index pages alone
-- (an index-only scan: the rebuild vacuums the table, docs/benchmarks/matching.md, session 13).
-- It replaces the plain index: every reader of profiles by sector reads eligible ones only.
DROP INDEX "CompanyMatchProfile_sectorMask_idx";

CREATE INDEX "CompanyMatchProfile_sector_scan_idx" ON "CompanyMatchProfile" ("sectorMask")
  INCLUDE ("companyId", "capabilityLo", "capabilityHi", "riskAppetite", "deliveryMask", "stageMask",
    "tenderRequirement", "maxProjectEur", "industry", "capitalJpy", "employees", "prefectureCode", "region",
    "cityEn", "cityCode", "experienceCountries", "hasDisasterReconstructionExperience", "matchFloor")
  WHERE "isEligible";

-- A re-rank that moves a list's floor updates its profile row and takes the page out of the
-- visibility map, and the index-only scan then visits that page again. Vacuumed after 2 % of the
-- rows changed instead of PostgreSQL's 20 %, the map is kept nearly whole (a vacuum of this table
-- takes well under a second at national scale).
ALTER TABLE "CompanyMatchProfile" SET (autovacuum_vacuum_scale_factor = 0.02);
