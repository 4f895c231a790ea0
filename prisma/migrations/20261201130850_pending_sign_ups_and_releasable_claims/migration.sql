-- DropIndex
DROP INDEX "Company_corporateNumber_key";

-- DropIndex
DROP INDEX "Municipality_hromadaCode_key";

-- CreateTable
CREATE TABLE "PendingSignUp" (
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingSignUp_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "PendingSignUp_expiresAt_idx" ON "PendingSignUp"("expiresAt");

-- CreateIndex
CREATE INDEX "Company_corporateNumber_idx" ON "Company"("corporateNumber");

-- CreateIndex
CREATE INDEX "Municipality_hromadaCode_idx" ON "Municipality"("hromadaCode");

-- Written by hand (Prisma cannot express a partial unique index): a hromada or a corporate
-- number is claimed once among organisations not REJECTED, so a facilitator's rejection frees
-- the claim for the real official or company.
CREATE UNIQUE INDEX "Company_corporateNumber_claim_key" ON "Company"("corporateNumber") WHERE "verificationStatus" <> 'REJECTED';
CREATE UNIQUE INDEX "Municipality_hromadaCode_claim_key" ON "Municipality"("hromadaCode") WHERE "verificationStatus" <> 'REJECTED';
