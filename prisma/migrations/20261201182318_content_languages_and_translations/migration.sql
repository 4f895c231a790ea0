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

-- Only a machine translation names a provider, a human one never does.
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_provider_check"
  CHECK (("origin" = 'MACHINE') = ("provider" IS NOT NULL));
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_sourceDigest_check"
  CHECK ("sourceDigest" ~ '^[0-9a-f]{64}$');
ALTER TABLE "TextTranslation" ADD CONSTRAINT "TextTranslation_field_check"
  CHECK ("field" <> '');

-- Texts written before languages were recorded: the columns above default to 'en', but the
-- script tells better. Mostly Japanese script (kana, kanji, full-width forms) gives 'ja', mostly
-- Cyrillic gives 'uk' (the Cyrillic writers here are Ukrainian hromadas, and Russian is not a
-- language of the platform), anything else or an empty text stays 'en'.
-- (No semicolons in these comments: the migration runner splits statements on them.)
UPDATE "Need" AS target SET "language" = CASE
    WHEN counts.japanese > 0 AND counts.japanese >= counts.cyrillic THEN 'ja'::"Locale"
    WHEN counts.cyrillic > 0 THEN 'uk'::"Locale"
    ELSE 'en'::"Locale"
  END
FROM (SELECT "id",
        length(regexp_replace("title" || ' ' || "description", '[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]', '', 'g')) AS japanese,
        length(regexp_replace("title" || ' ' || "description", '[^\u0400-\u04ff]', '', 'g')) AS cyrillic
      FROM "Need") AS counts
WHERE counts."id" = target."id";
UPDATE "Interest" AS target SET "noteLanguage" = CASE
    WHEN counts.japanese > 0 AND counts.japanese >= counts.cyrillic THEN 'ja'::"Locale"
    WHEN counts.cyrillic > 0 THEN 'uk'::"Locale"
    ELSE 'en'::"Locale"
  END
FROM (SELECT "id",
        length(regexp_replace("note", '[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]', '', 'g')) AS japanese,
        length(regexp_replace("note", '[^\u0400-\u04ff]', '', 'g')) AS cyrillic
      FROM "Interest" WHERE "note" <> '') AS counts
WHERE counts."id" = target."id";
UPDATE "Introduction" AS target SET "messageLanguage" = CASE
    WHEN counts.japanese > 0 AND counts.japanese >= counts.cyrillic THEN 'ja'::"Locale"
    WHEN counts.cyrillic > 0 THEN 'uk'::"Locale"
    ELSE 'en'::"Locale"
  END
FROM (SELECT "id",
        length(regexp_replace("message", '[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]', '', 'g')) AS japanese,
        length(regexp_replace("message", '[^\u0400-\u04ff]', '', 'g')) AS cyrillic
      FROM "Introduction" WHERE "message" <> '') AS counts
WHERE counts."id" = target."id";
