-- A need's re-rank reads its whole sector of eligible profiles (about 14,000 of 100,000 at national
-- scale) to find the few companies the bound lets through. Through the plain index on "sectorMask"
-- that read visits about 1,800 heap pages, a few of the sector's rows on each, and the scan was a
-- third of a light need's read. This partial index holds the eligible profiles with every column,
-- ordered by sector mask, so a sector is read from about 300 index pages and no table page while
-- the table's pages are marked all-visible (an index-only scan, docs/benchmarks/matching.md,
-- session 13). The plain index stays: when many pages are not all-visible the planner goes back to it.
CREATE INDEX "CompanyMatchProfile_sector_scan_idx" ON "CompanyMatchProfile" ("sectorMask")
  INCLUDE ("companyId", "capabilityLo", "capabilityHi", "riskAppetite", "deliveryMask", "stageMask",
    "tenderRequirement", "maxProjectEur", "industry", "capitalJpy", "employees", "prefectureCode", "region",
    "cityEn", "cityCode", "experienceCountries", "hasDisasterReconstructionExperience", "matchFloor")
  WHERE "isEligible";

-- Each re-rank that moves a list's floor updates a profile row, and the update takes that row's
-- page out of the visibility map: a few thousand such updates spread over the table would leave
-- most of its pages to be read again. PostgreSQL's default (a vacuum once a fifth of the rows
-- changed) is far too late for that, so this table is vacuumed after every 200 changed or new rows
-- (a vacuum visits only the pages out of the map, well under a second here, at most once a minute).
ALTER TABLE "CompanyMatchProfile" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 200,
  autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 200);
