-- The public pages anonymous visitors read are served from Next.js's cache, kept here so that
-- every instance shares it (lib/cache/page-cache-handler.mjs, docs/decisions/018-*).

-- CreateTable
CREATE TABLE "PageCacheEntry" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "tags" TEXT[],
    "renderedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PageCacheEntry_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PageCacheTag" (
    "tag" TEXT NOT NULL,
    "txid" BIGINT NOT NULL,
    "invalidatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PageCacheTag_pkey" PRIMARY KEY ("tag","txid")
);

-- CreateIndex
CREATE INDEX "PageCacheTag_tag_invalidatedAt_idx" ON "PageCacheTag"("tag", "invalidatedAt");

-- Invalidation by tag, from every write path at once: a statement that changes a table the
-- public pages read marks the tag named after that table, in the writer's own transaction (so
-- a rolled-back write invalidates nothing it should not, and a committed one cannot forget).
-- The pages say which tables they read (lib/cache/tag-page.ts, PUBLIC_PAGE_TAGS). One
-- statement-level trigger per table: a bulk load marks the tag once, not once per row. A mark is
-- a row of the writing transaction's own (tag, txid): concurrent writers never wait on one row,
-- nor deadlock over two.
-- The body is an escaped string (\073 is a semicolon): the migration engine splits on them.
CREATE FUNCTION page_cache_invalidate() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO "PageCacheTag" ("tag", "txid", "invalidatedAt") VALUES (TG_ARGV[0], txid_current(), clock_timestamp())
  ON CONFLICT ("tag", "txid") DO UPDATE SET "invalidatedAt" = EXCLUDED."invalidatedAt"\073
  RETURN NULL\073
END';

-- Every column but "matchFloor": re-ranking writes a need's list floor all day long, and the public
-- pages do not show it (a mark per re-rank would keep them from ever being served from the cache).
-- tests/integration/page-cache.test.ts fails when a column is added to "Need" and not listed here.
CREATE TRIGGER "Need_page_cache" AFTER INSERT OR UPDATE OF "id", "municipalityId", "hromadaCode", "sector", "title", "description",
  "language", "stage", "urgency", "budgetAmount", "budgetCurrency", "fundingSource", "procurementMethod", "prozorroTenderId",
  "dreamProjectId", "requiredCapabilities", "status", "isDemo", "version", "requestId", "publishedAt", "closedAt", "closeReason",
  "duplicateOfId", "createdAt", "updatedAt" OR DELETE OR TRUNCATE ON "Need"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('Need');
-- Only what decides whether a municipality's needs are public.
CREATE TRIGGER "Municipality_page_cache" AFTER INSERT OR UPDATE OF "verificationStatus" OR DELETE OR TRUNCATE ON "Municipality"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('Municipality');
-- Only the verified-companies count on the home page.
CREATE TRIGGER "Company_page_cache" AFTER INSERT OR UPDATE OF "verificationStatus" OR DELETE OR TRUNCATE ON "Company"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('Company');
-- Names, places and the hostility statuses rolled up from the official list.
CREATE TRIGGER "Hromada_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Hromada"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('Hromada');
CREATE TRIGGER "Oblast_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Oblast"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('Oblast');
-- Translations of needs' titles and descriptions, by people or by machine.
CREATE TRIGGER "TextTranslation_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TextTranslation"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('TextTranslation');
-- The list in force (its number and date on every public page) and the day it was rolled to.
CREATE TRIGGER "HostilityListEdition_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HostilityListEdition"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('HostilityListEdition');
CREATE TRIGGER "HostilityRollForward_page_cache" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HostilityRollForward"
  FOR EACH STATEMENT EXECUTE FUNCTION page_cache_invalidate('HostilityRollForward');
