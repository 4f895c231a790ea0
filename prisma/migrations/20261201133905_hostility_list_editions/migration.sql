-- CreateEnum
CREATE TYPE "HostilityListEditionKind" AS ENUM ('EDITION', 'AMENDMENT');

-- CreateEnum
CREATE TYPE "KatottgChangeKind" AS ENUM ('RENAMED', 'MERGED');

-- Periods loaded before editions existed have no provenance: they are dropped here and reloaded,
-- as the shipped edition, by the reference loader at the next start (lib/reference).
DELETE FROM "HostilityPeriod";

-- AlterTable
ALTER TABLE "HostilityPeriod" ADD COLUMN     "editionId" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "HostilityListEdition" (
    "id" SERIAL NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "orderDate" DATE NOT NULL,
    "kind" "HostilityListEditionKind" NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loadedById" UUID,
    "source" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,

    CONSTRAINT "HostilityListEdition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostilityPeriodRevision" (
    "id" SERIAL NOT NULL,
    "hromadaCode" CHAR(19) NOT NULL,
    "territoryCode" CHAR(19) NOT NULL,
    "territoryLevel" "TerritoryLevel" NOT NULL,
    "territoryName" TEXT NOT NULL,
    "status" "HostilityStatus" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "editionId" INTEGER NOT NULL,
    "supersededById" INTEGER NOT NULL,

    CONSTRAINT "HostilityPeriodRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KatottgCodeChange" (
    "oldCode" CHAR(19) NOT NULL,
    "newCode" CHAR(19) NOT NULL,
    "kind" "KatottgChangeKind" NOT NULL,
    "editionDate" DATE NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KatottgCodeChange_pkey" PRIMARY KEY ("oldCode")
);

-- CreateIndex
CREATE INDEX "HostilityListEdition_loadedAt_idx" ON "HostilityListEdition"("loadedAt");

-- CreateIndex
CREATE INDEX "HostilityPeriodRevision_hromadaCode_idx" ON "HostilityPeriodRevision"("hromadaCode");

-- CreateIndex
CREATE INDEX "HostilityPeriodRevision_supersededById_idx" ON "HostilityPeriodRevision"("supersededById");

-- CreateIndex
CREATE INDEX "KatottgCodeChange_newCode_idx" ON "KatottgCodeChange"("newCode");

-- CreateIndex
CREATE INDEX "HostilityPeriod_editionId_idx" ON "HostilityPeriod"("editionId");

-- AddForeignKey
ALTER TABLE "HostilityPeriod" ADD CONSTRAINT "HostilityPeriod_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "HostilityListEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostilityPeriodRevision" ADD CONSTRAINT "HostilityPeriodRevision_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "HostilityListEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostilityPeriodRevision" ADD CONSTRAINT "HostilityPeriodRevision_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "HostilityListEdition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
