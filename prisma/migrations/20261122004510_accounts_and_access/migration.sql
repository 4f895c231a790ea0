-- AlterTable
-- Column order matters here: rate-limiter-flexible inserts positionally (key, points, expire).
ALTER TABLE "RateLimitBucket" DROP CONSTRAINT "RateLimitBucket_pkey",
DROP COLUMN "count",
DROP COLUMN "windowStart",
ADD COLUMN     "points" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "expire" BIGINT,
ALTER COLUMN "key" SET DATA TYPE VARCHAR(255),
ADD CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key");

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "deliveryAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "raw" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "PlatformSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformSecret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_expire_idx" ON "RateLimitBucket"("expire");

-- CreateIndex
CREATE INDEX "OutboxEmail_kind_createdAt_idx" ON "OutboxEmail"("kind", "createdAt");
