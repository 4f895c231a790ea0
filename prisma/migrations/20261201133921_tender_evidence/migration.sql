-- CreateEnum
CREATE TYPE "EvidenceSource" AS ENUM ('PROZORRO', 'DREAM');

-- CreateEnum
CREATE TYPE "EvidenceFetchStatus" AS ENUM ('PENDING', 'VERIFIED', 'NOT_FOUND', 'UNREACHABLE', 'INVALID');

-- CreateTable
CREATE TABLE "TenderEvidence" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "source" "EvidenceSource" NOT NULL,
    "ocid" TEXT NOT NULL,
    "status" "EvidenceFetchStatus" NOT NULL DEFAULT 'PENDING',
    "statusDetail" TEXT,
    "fetchedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "origin" TEXT,
    "tenderStatus" TEXT,
    "procurementMethod" TEXT,
    "procurementMethodDetails" TEXT,
    "valueAmount" DECIMAL(18,2),
    "valueCurrency" TEXT,
    "numberOfTenderers" INTEGER,
    "buyerName" TEXT,
    "buyerId" TEXT,
    "funders" JSONB NOT NULL DEFAULT '[]',
    "monitoring" JSONB NOT NULL DEFAULT '[]',
    "publishedDate" TIMESTAMP(3),
    "releaseDate" TIMESTAMP(3),
    "schemaWarnings" JSONB NOT NULL DEFAULT '[]',
    "raw" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenderEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenderEvidence_needId_source_key" ON "TenderEvidence"("needId", "source");

-- AddForeignKey
ALTER TABLE "TenderEvidence" ADD CONSTRAINT "TenderEvidence_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;
