-- DropIndex
DROP INDEX "Match_needId_score_idx";

-- DropIndex
DROP INDEX "Match_companyId_score_idx";

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "matchFloor" INTEGER NOT NULL DEFAULT -1;

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "inCompanyTop" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inNeedTop" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "explanation" SET DATA TYPE JSON;

-- CreateTable
CREATE TABLE "CompanyMatchProfile" (
    "companyId" UUID NOT NULL,
    "isEligible" BOOLEAN NOT NULL,
    "sectorMask" INTEGER NOT NULL,
    "capabilityLo" INTEGER NOT NULL,
    "capabilityHi" INTEGER NOT NULL,
    "riskAppetite" "RiskAppetite" NOT NULL,
    "deliveryMask" INTEGER NOT NULL,
    "stageMask" INTEGER NOT NULL,
    "tenderRequirement" "TenderRequirement" NOT NULL,
    "maxProjectEur" INTEGER,
    "industry" "SmeIndustry" NOT NULL,
    "capitalJpy" BIGINT NOT NULL,
    "employees" INTEGER NOT NULL,
    "prefectureCode" CHAR(2) NOT NULL,
    "region" "JapanRegion" NOT NULL,
    "cityEn" TEXT NOT NULL,
    "experienceCountries" TEXT[],
    "hasDisasterReconstructionExperience" BOOLEAN NOT NULL,
    "matchFloor" INTEGER NOT NULL DEFAULT -1,

    CONSTRAINT "CompanyMatchProfile_pkey" PRIMARY KEY ("companyId")
);

-- CreateIndex
CREATE INDEX "Match_needId_inNeedTop_score_idx" ON "Match"("needId", "inNeedTop", "score" DESC);

-- CreateIndex
CREATE INDEX "Match_companyId_inCompanyTop_score_idx" ON "Match"("companyId", "inCompanyTop", "score" DESC);

-- AddForeignKey
ALTER TABLE "CompanyMatchProfile" ADD CONSTRAINT "CompanyMatchProfile_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Added by hand
ALTER TABLE "CompanyMatchProfile" ADD CONSTRAINT "CompanyMatchProfile_match_floor_range" CHECK ("matchFloor" BETWEEN -1 AND 100);
ALTER TABLE "Need" ADD CONSTRAINT "Need_match_floor_range" CHECK ("matchFloor" BETWEEN -1 AND 100);
