-- AlterTable
ALTER TABLE "PageCacheEntry" ADD COLUMN     "htmlBrotli" BYTEA,
ADD COLUMN     "htmlGzip" BYTEA;

-- CreateTable
CREATE TABLE "PageCacheBuild" (
    "build" TEXT NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PageCacheBuild_pkey" PRIMARY KEY ("build")
);
