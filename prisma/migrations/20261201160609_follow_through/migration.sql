-- CreateEnum
CREATE TYPE "PipelineStepKind" AS ENUM ('TENDER_PUBLISHED', 'AWARDED', 'CONTRACT_SIGNED', 'DELIVERED');

-- CreateEnum
CREATE TYPE "IntroductionSide" AS ENUM ('COMPANY', 'MUNICIPALITY');

-- CreateTable
CREATE TABLE "PipelineStep" (
    "id" UUID NOT NULL,
    "introductionId" UUID NOT NULL,
    "step" "PipelineStepKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "tenderSource" "EvidenceSource",
    "tenderId" TEXT,
    "tenderEvidenceId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedByRole" "Role" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PipelineStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpAsk" (
    "introductionId" UUID NOT NULL,
    "side" "IntroductionSide" NOT NULL,
    "afterDays" INTEGER NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpAsk_pkey" PRIMARY KEY ("introductionId","side","afterDays")
);

-- CreateIndex
CREATE INDEX "PipelineStep_occurredOn_idx" ON "PipelineStep"("occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStep_introductionId_step_key" ON "PipelineStep"("introductionId", "step");

-- CreateIndex
CREATE INDEX "Introduction_createdAt_idx" ON "Introduction"("createdAt");

-- AddForeignKey
ALTER TABLE "PipelineStep" ADD CONSTRAINT "PipelineStep_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineStep" ADD CONSTRAINT "PipelineStep_tenderEvidenceId_fkey" FOREIGN KEY ("tenderEvidenceId") REFERENCES "TenderEvidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpAsk" ADD CONSTRAINT "FollowUpAsk_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- By hand: a tender identifier comes with its platform, and only on the step that publishes it;
-- follow-ups are asked at 14 and 45 days.
ALTER TABLE "PipelineStep" ADD CONSTRAINT "PipelineStep_tender_check" CHECK (
  ("tenderId" IS NULL) = ("tenderSource" IS NULL)
  AND ("tenderId" IS NULL OR "step" = 'TENDER_PUBLISHED')
  AND ("tenderSource" IS DISTINCT FROM 'PROZORRO' OR "tenderId" ~ '^UA-\d{4}-\d{2}-\d{2}-\d{6}-[a-z]$'));
ALTER TABLE "FollowUpAsk" ADD CONSTRAINT "FollowUpAsk_afterDays_check" CHECK ("afterDays" IN (14, 45));
