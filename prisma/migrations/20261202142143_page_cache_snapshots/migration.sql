-- The public page cache decides staleness exactly, by transaction visibility instead of a 5-second
-- margin on timestamps (lib/cache/page-cache-handler.mjs, docs/decisions/018-*): an entry keeps the
-- snapshot taken at its miss, and a mark of one of its tags from a transaction that snapshot does
-- not see makes it stale. Entries stored before this migration have none, and are stale.

-- Nothing reads marks by time any more: the primary key (tag, txid) serves the test.
-- DropIndex
DROP INDEX "PageCacheTag_tag_invalidatedAt_idx";

-- AlterTable
ALTER TABLE "PageCacheEntry" ADD COLUMN     "renderSnapshot" pg_snapshot;

-- Below it, the clean-up has removed the marks: an entry whose snapshot's xmin is lower (rendered
-- while the clean-up ran) may have lost one, and is stale. One row.
-- CreateTable
CREATE TABLE "PageCacheMarkHorizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "txid" BIGINT NOT NULL,

    CONSTRAINT "PageCacheMarkHorizon_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PageCacheMarkHorizon_one_row" CHECK ("id" = 1)
);

-- Marks are removed by the clean-up alone, which says so in its own transaction (SET LOCAL
-- kakehashi.page_cache_cleanup = on, lib/cache/page-cache-cleanup.ts). During a rolling deploy the
-- previous build's instances still run, and they pruned a tag's marks on every store (all but the
-- newest by time): under this rule that can remove the mark of a writer with a lower txid that
-- committed last, which a stored snapshot did not see, and leave a stale page served. Their
-- deletes now delete nothing. The body is an escaped string (\073 is a semicolon).
CREATE FUNCTION page_cache_mark_delete_guard() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF current_setting(''kakehashi.page_cache_cleanup'', true) IS DISTINCT FROM ''on'' THEN RETURN NULL\073 END IF\073
  RETURN OLD\073
END';
CREATE TRIGGER "PageCacheTag_delete_guard" BEFORE DELETE ON "PageCacheTag"
  FOR EACH ROW EXECUTE FUNCTION page_cache_mark_delete_guard();
