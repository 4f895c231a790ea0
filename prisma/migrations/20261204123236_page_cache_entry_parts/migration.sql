-- A cached page's three large parts (its HTML, RSC payload and per-segment prefetch data) move out of
-- "value" into columns of their own, so that a hit decodes each as a string of its own instead of
-- one string of 300 KB (lib/cache/page-cache-handler.mjs). Nullable: entries stored before, and
-- routes' entries, keep everything in "value", and are read as before.

-- AlterTable
ALTER TABLE "PageCacheEntry" ADD COLUMN     "html" TEXT,
ADD COLUMN     "rscData" TEXT,
ADD COLUMN     "segmentData" TEXT;
