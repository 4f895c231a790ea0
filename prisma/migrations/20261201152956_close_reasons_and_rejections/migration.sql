-- CreateEnum
CREATE TYPE "RejectionCategory" AS ENUM ('DETAILS_DO_NOT_MATCH_REGISTER', 'REPRESENTATIVE_NOT_CONFIRMED', 'INCOMPLETE_INFORMATION', 'NOT_ELIGIBLE', 'OTHER');

-- CreateEnum
CREATE TYPE "NeedCloseReason" AS ENUM ('FULFILLED', 'CANCELLED', 'DUPLICATE');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectionCategory" "RejectionCategory",
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "resubmissionNote" TEXT,
ADD COLUMN     "resubmittedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectionCategory" "RejectionCategory",
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "resubmissionNote" TEXT,
ADD COLUMN     "resubmittedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "closeReason" "NeedCloseReason",
ADD COLUMN     "duplicateOfId" UUID;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Need"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A reason belongs to a closed need only, and the need a duplicate repeats only to a need closed as a duplicate,
-- and never the need itself.
ALTER TABLE "Need" ADD CONSTRAINT "Need_close_reason_only_when_closed" CHECK ("status" = 'CLOSED' OR "closeReason" IS NULL);
ALTER TABLE "Need" ADD CONSTRAINT "Need_duplicate_of_only_for_duplicates" CHECK ("duplicateOfId" IS NULL OR ("closeReason" = 'DUPLICATE' AND "duplicateOfId" <> "id"));
-- A rejection always says why.
ALTER TABLE "Company" ADD CONSTRAINT "Company_rejection_has_reason" CHECK ("verificationStatus" <> 'REJECTED' OR "rejectedAt" IS NULL OR "rejectionReason" IS NOT NULL);
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_rejection_has_reason" CHECK ("verificationStatus" <> 'REJECTED' OR "rejectedAt" IS NULL OR "rejectionReason" IS NOT NULL);
