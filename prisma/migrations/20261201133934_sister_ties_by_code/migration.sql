-- CreateEnum
CREATE TYPE "SisterTieKind" AS ENUM ('CITY', 'PREFECTURE');

-- CreateEnum
CREATE TYPE "JapanMunicipalityKind" AS ENUM ('PREFECTURE', 'DESIGNATED_CITY', 'MUNICIPALITY', 'WARD');

-- DropForeignKey
ALTER TABLE "SisterCityLink" DROP CONSTRAINT "SisterCityLink_hromadaCode_fkey";

-- DropIndex
DROP INDEX "SisterCityLink_prefectureCode_cityEn_hromadaCode_key";

-- Sister ties are reference data keyed by name until now. The loader writes them again by code.
DELETE FROM "SisterCityLink";

-- AlterTable
ALTER TABLE "SisterCityLink" DROP COLUMN "cityEn",
DROP COLUMN "cityJa",
ADD COLUMN     "japanCode" CHAR(6) NOT NULL,
ADD COLUMN     "kind" "SisterTieKind" NOT NULL,
ADD COLUMN     "oblastCode" CHAR(19),
ALTER COLUMN "hromadaCode" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "municipalityCode" CHAR(6);

-- AlterTable
ALTER TABLE "CompanyMatchProfile" ADD COLUMN     "cityCode" CHAR(6);

-- CreateTable
CREATE TABLE "JapanMunicipality" (
    "code" CHAR(6) NOT NULL,
    "prefectureCode" CHAR(2) NOT NULL,
    "kind" "JapanMunicipalityKind" NOT NULL,
    "cityCode" CHAR(6),
    "nameJa" TEXT NOT NULL,
    "nameKana" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "JapanMunicipality_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "JapanMunicipality_prefectureCode_idx" ON "JapanMunicipality"("prefectureCode");

-- CreateIndex
CREATE INDEX "SisterCityLink_oblastCode_idx" ON "SisterCityLink"("oblastCode");

-- AddForeignKey
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_japanCode_fkey" FOREIGN KEY ("japanCode") REFERENCES "JapanMunicipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_hromadaCode_fkey" FOREIGN KEY ("hromadaCode") REFERENCES "Hromada"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_oblastCode_fkey" FOREIGN KEY ("oblastCode") REFERENCES "Oblast"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JapanMunicipality" ADD CONSTRAINT "JapanMunicipality_prefectureCode_fkey" FOREIGN KEY ("prefectureCode") REFERENCES "Prefecture"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "JapanMunicipality"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- A city tie names a hromada, a prefecture tie an oblast, never both.
ALTER TABLE "SisterCityLink" ADD CONSTRAINT "SisterCityLink_one_side_check" CHECK (
  ("kind" = 'CITY' AND "hromadaCode" IS NOT NULL AND "oblastCode" IS NULL) OR
  ("kind" = 'PREFECTURE' AND "oblastCode" IS NOT NULL AND "hromadaCode" IS NULL));

-- Each tie once (NULLS NOT DISTINCT: one side is always null).
CREATE UNIQUE INDEX "SisterCityLink_tie_key" ON "SisterCityLink" ("japanCode", "hromadaCode", "oblastCode") NULLS NOT DISTINCT;

-- Existing companies are placed on the official list by the reference loader
-- (lib/reference/load-reference-data.ts), which fills JapanMunicipality after migrations run.
