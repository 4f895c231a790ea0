-- CreateEnum
CREATE TYPE "NoticeDelivery" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'IN_APP', 'OFF');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "noticeScoreThreshold" INTEGER NOT NULL DEFAULT 60;

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "link" TEXT NOT NULL,
    "needId" UUID,
    "companyId" UUID,
    "introductionId" UUID,
    "delivery" "NoticeDelivery" NOT NULL,
    "emailedAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticePreference" (
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "delivery" "NoticeDelivery" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticePreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "NeedFollow" (
    "userId" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedFollow_pkey" PRIMARY KEY ("userId","needId")
);

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notice_delivery_emailedAt_createdAt_idx" ON "Notice"("delivery", "emailedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_userId_dedupeKey_key" ON "Notice"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "NeedFollow_needId_idx" ON "NeedFollow"("needId");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticePreference" ADD CONSTRAINT "NoticePreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedFollow" ADD CONSTRAINT "NeedFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedFollow" ADD CONSTRAINT "NeedFollow_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The header counts a person's unread notices on every page: a partial index keeps that one
-- small index scan however many read notices accumulate.
CREATE INDEX "Notice_userId_unread_idx" ON "Notice"("userId") WHERE "readAt" IS NULL;

ALTER TABLE "Notice" ADD CONSTRAINT "Notice_delivery_not_off" CHECK ("delivery" <> 'OFF');
ALTER TABLE "Company" ADD CONSTRAINT "Company_noticeScoreThreshold_range" CHECK ("noticeScoreThreshold" BETWEEN 0 AND 100);
