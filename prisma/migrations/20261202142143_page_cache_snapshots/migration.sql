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
