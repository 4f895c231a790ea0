-- CreateEnum
CREATE TYPE "InterestResponse" AS ENUM ('WELCOMED', 'DECLINED');

-- CreateEnum
CREATE TYPE "MessageSide" AS ENUM ('COMPANY', 'MUNICIPALITY', 'FACILITATOR');

-- AlterTable
ALTER TABLE "Interest" ADD COLUMN     "respondedAt" TIMESTAMP(3),
ADD COLUMN     "respondedById" UUID,
ADD COLUMN     "response" "InterestResponse",
ADD COLUMN     "responseLanguage" "Locale",
ADD COLUMN     "responseReason" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "IntroductionMessage" (
    "id" UUID NOT NULL,
    "introductionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "side" "MessageSide" NOT NULL,
    "body" TEXT NOT NULL,
    "language" "Locale" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntroductionMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntroductionMessage_introductionId_createdAt_idx" ON "IntroductionMessage"("introductionId", "createdAt");

-- AddForeignKey
ALTER TABLE "IntroductionMessage" ADD CONSTRAINT "IntroductionMessage_introductionId_fkey" FOREIGN KEY ("introductionId") REFERENCES "Introduction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroductionMessage" ADD CONSTRAINT "IntroductionMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- By hand: only an interest a company registered is answered, a decline says why, a reason has a language.
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_response_on_company_interest"
  CHECK ("response" IS NULL OR "direction" = 'COMPANY_INTEREST');
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_decline_has_reason"
  CHECK ("response" IS DISTINCT FROM 'DECLINED' OR "responseReason" <> '');
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_reason_has_language"
  CHECK (("responseReason" = '') = ("responseLanguage" IS NULL));
-- By hand: a message says something, within the limit of the form (lib/conversations/schema.ts).
ALTER TABLE "IntroductionMessage" ADD CONSTRAINT "IntroductionMessage_body_length"
  CHECK (char_length("body") BETWEEN 1 AND 4000);
