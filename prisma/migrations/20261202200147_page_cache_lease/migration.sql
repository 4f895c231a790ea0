-- One render of a stale public page for all instances (lib/cache/page-cache-handler.mjs, decision
-- 018, session 10 addendum). The miss that finds the entry stale with no live lease takes it (a token
-- and an expiry) and renders while its visitor waits. Until it stores the page, which ends its own
-- lease, or the lease runs out, other misses are served the stored copy.
-- AlterTable
ALTER TABLE "PageCacheEntry" ADD COLUMN     "renderLease" UUID,
ADD COLUMN     "renderLeaseUntil" TIMESTAMPTZ(3);
