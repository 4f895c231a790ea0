-- CreateTable
CREATE TABLE "SectorCompanyCount" (
    "sector" "SectorCode" NOT NULL,
    "companies" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SectorCompanyCount_pkey" PRIMARY KEY ("sector")
);

-- The dashboard counted verified companies per sector by unnesting every company's sectors:
-- 30,000 companies took 55–130 ms, growing with the data (docs/benchmarks/pages.md, session 4).
-- These triggers keep the ten counts exact instead, in the same transaction as the change to
-- "Company". Statement-level with transition tables: a bulk insert adds its rows once, not
-- row by row. Counts are changed in sector order so that two transactions never wait for each
-- other's rows in opposite orders (no deadlock). Prisma's driver adapter sends a migration
-- statement by statement, split at every semicolon, so the function bodies write theirs as
-- \073 inside E'' strings (and double their quotes).
CREATE FUNCTION "sector_company_count_after_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "SectorCompanyCount" ("sector", "companies")
    SELECT s, count(*)::int FROM new_rows, unnest(new_rows."sectors") AS s
    WHERE new_rows."verificationStatus" = ''VERIFIED'' GROUP BY s ORDER BY s
  ON CONFLICT ("sector") DO UPDATE SET "companies" = "SectorCompanyCount"."companies" + EXCLUDED."companies"\073
  RETURN NULL\073
END 
';

CREATE FUNCTION "sector_company_count_after_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "SectorCompanyCount" c SET "companies" = c."companies" - d.n
    FROM (SELECT s, count(*)::int AS n FROM old_rows, unnest(old_rows."sectors") AS s
          WHERE old_rows."verificationStatus" = ''VERIFIED'' GROUP BY s) d
    WHERE c."sector" = d.s\073
  RETURN NULL\073
END 
';

CREATE FUNCTION "sector_company_count_after_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "SectorCompanyCount" ("sector", "companies")
    SELECT s, sum(n)::int FROM (
      SELECT s, 1 AS n FROM new_rows, unnest(new_rows."sectors") AS s WHERE new_rows."verificationStatus" = ''VERIFIED''
      UNION ALL
      SELECT s, -1 FROM old_rows, unnest(old_rows."sectors") AS s WHERE old_rows."verificationStatus" = ''VERIFIED''
    ) changes GROUP BY s HAVING sum(n) <> 0 ORDER BY s
  ON CONFLICT ("sector") DO UPDATE SET "companies" = "SectorCompanyCount"."companies" + EXCLUDED."companies"\073
  RETURN NULL\073
END 
';

CREATE FUNCTION "sector_company_count_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "SectorCompanyCount"\073
  RETURN NULL\073
END 
';

CREATE TRIGGER "Company_sector_count_insert" AFTER INSERT ON "Company"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_company_count_after_insert"();
CREATE TRIGGER "Company_sector_count_delete" AFTER DELETE ON "Company"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_company_count_after_delete"();
CREATE TRIGGER "Company_sector_count_update" AFTER UPDATE ON "Company"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sector_company_count_after_update"();
CREATE TRIGGER "Company_sector_count_truncate" AFTER TRUNCATE ON "Company"
  FOR EACH STATEMENT EXECUTE FUNCTION "sector_company_count_after_truncate"();

-- The companies already there.
INSERT INTO "SectorCompanyCount" ("sector", "companies")
  SELECT s, count(*)::int FROM "Company", unnest("sectors") AS s WHERE "verificationStatus" = 'VERIFIED' GROUP BY s;
