-- DropIndex
DROP INDEX "Match_needId_score_idx";

-- DropIndex
DROP INDEX "Match_companyId_score_idx";

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "matchFloor" INTEGER NOT NULL DEFAULT -1;

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "matchFloor" INTEGER NOT NULL DEFAULT -1;

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "inCompanyTop" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inNeedTop" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Match_needId_inNeedTop_score_idx" ON "Match"("needId", "inNeedTop", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_companyId_inCompanyTop_score_idx" ON "Match"("companyId", "inCompanyTop", "score" DESC);

-- Added by hand
ALTER TABLE "Company" ADD CONSTRAINT "Company_match_floor_range" CHECK ("matchFloor" BETWEEN -1 AND 100);
ALTER TABLE "Need" ADD CONSTRAINT "Need_match_floor_range" CHECK ("matchFloor" BETWEEN -1 AND 100);
