-- Decisions and introductions belong to the pair (need, company), not to the Match row that
-- re-ranking may delete and re-create: the pair's history must outlive any one row.
-- Written by hand around Prisma's diff: the new columns are filled from each row's match before
-- the match column goes.

-- DropForeignKey
ALTER TABLE "MatchDecision" DROP CONSTRAINT "MatchDecision_matchId_fkey";

-- DropForeignKey
ALTER TABLE "Introduction" DROP CONSTRAINT "Introduction_matchId_fkey";

-- DropIndex
DROP INDEX "MatchDecision_matchId_createdAt_idx";

-- DropIndex
DROP INDEX "Introduction_matchId_key";

-- AddColumns (nullable until back-filled)
ALTER TABLE "MatchDecision" ADD COLUMN "needId" UUID, ADD COLUMN "companyId" UUID;
ALTER TABLE "Introduction" ADD COLUMN "needId" UUID, ADD COLUMN "companyId" UUID;

-- Back-fill from each row's match
UPDATE "MatchDecision" d SET "needId" = m."needId", "companyId" = m."companyId" FROM "Match" m WHERE m.id = d."matchId";
UPDATE "Introduction" i SET "needId" = m."needId", "companyId" = m."companyId" FROM "Match" m WHERE m.id = i."matchId";

-- The old foreign keys cascaded, so every row had its match: any row left without one is an orphan.
DELETE FROM "MatchDecision" WHERE "needId" IS NULL;
DELETE FROM "Introduction" WHERE "needId" IS NULL;

-- AlterTable
ALTER TABLE "MatchDecision" DROP COLUMN "matchId",
ALTER COLUMN "needId" SET NOT NULL,
ALTER COLUMN "companyId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Introduction" DROP COLUMN "matchId",
ALTER COLUMN "needId" SET NOT NULL,
ALTER COLUMN "companyId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "MatchDecision_needId_companyId_createdAt_idx" ON "MatchDecision"("needId", "companyId", "createdAt");

-- CreateIndex
CREATE INDEX "MatchDecision_companyId_idx" ON "MatchDecision"("companyId");

-- CreateIndex
CREATE INDEX "Introduction_companyId_idx" ON "Introduction"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "Introduction_needId_companyId_key" ON "Introduction"("needId", "companyId");

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Introduction" ADD CONSTRAINT "Introduction_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
