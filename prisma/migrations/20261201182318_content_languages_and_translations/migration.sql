-- CreateEnum
CREATE TYPE "TextOrigin" AS ENUM ('AUTHOR', 'FACILITATOR', 'MACHINE');

-- CreateEnum
CREATE TYPE "TextSubject" AS ENUM ('NEED', 'COMPANY', 'INTEREST', 'INTRODUCTION', 'MESSAGE');

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "language" "Locale" NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Interest" ADD COLUMN     "noteLanguage" "Locale" NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Introduction" ADD COLUMN     "messageLanguage" "Locale" NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "TextTranslation" (
    "id" UUID NOT NULL,
    "subject" "TextSubject" NOT NULL,
    "subjectId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "text" TEXT NOT NULL,
    "origin" "TextOrigin" NOT NULL,
    "provider" TEXT,
    "sourceDigest" CHAR(64) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TextTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TextTranslation_createdById_idx" ON "TextTranslation"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "TextTranslation_subject_subjectId_field_locale_key" ON "TextTranslation"("subject", "subjectId", "field", "locale");

-- AddForeignKey
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only a machine translation names a provider; a human one never does.
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_provider_check"
  CHECK (("origin" = 'MACHINE') = ("provider" IS NOT NULL));
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_sourceDigest_check"
  CHECK ("sourceDigest" ~ '^[0-9a-f]{64}$');
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_field_check"
  CHECK ("field" <> '');

-- Texts written before languages were recorded: the columns above default to 'en', but the
-- script tells better. Mostly Japanese script (kana, kanji, full-width forms) → 'ja'; mostly
-- Cyrillic → 'uk' (the platform's Cyrillic writers are Ukrainian hromadas; Russian is not one of
-- its languages); anything else, or an empty text, stays 'en'. The function lives only for
-- this migration.
CREATE FUNCTION "kakehashi_guess_locale"(body TEXT) RETURNS "Locale" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN japanese > 0 AND japanese >= cyrillic THEN 'ja'::"Locale"
    WHEN cyrillic > 0 THEN 'uk'::"Locale"
    ELSE 'en'::"Locale"
  END
  FROM (SELECT
    length(regexp_replace(body, '[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]', '', 'g')) AS japanese,
    length(regexp_replace(body, '[^\u0400-\u04ff]', '', 'g')) AS cyrillic) AS counts
$$;

UPDATE "Need" SET "language" = "kakehashi_guess_locale"("title" || ' ' || "description");
UPDATE "Interest" SET "noteLanguage" = "kakehashi_guess_locale"("note") WHERE "note" <> '';
UPDATE "Introduction" SET "messageLanguage" = "kakehashi_guess_locale"("message") WHERE "message" <> '';

DROP FUNCTION "kakehashi_guess_locale"(TEXT);
