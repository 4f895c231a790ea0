-- The second text of the old two-column description becomes the author's translation of the
-- original (origin AUTHOR, the company wrote both). The previous migration made the Japanese
-- text the original when there was one, so the English text is its translation only then. Its
-- digest is that of the Japanese text it stood beside: if the description was edited in between,
-- the translation shows as out of date, as it is.
INSERT INTO "TextTranslation" ("id", "subject", "subjectId", "field", "locale", "text", "origin", "sourceDigest", "updatedAt")
SELECT gen_random_uuid(), 'COMPANY', c."id", 'description', 'en', c."descriptionEn", 'AUTHOR',
       encode(sha256(convert_to(c."descriptionJa", 'UTF8')), 'hex'), CURRENT_TIMESTAMP
FROM "Company" c
WHERE btrim(c."descriptionJa") <> '' AND btrim(c."descriptionEn") <> '' AND c."descriptionLanguage" = 'ja'
ON CONFLICT ("subject", "subjectId", "field", "locale") DO NOTHING;

-- AlterTable
ALTER TABLE "Company" DROP COLUMN "descriptionEn",
DROP COLUMN "descriptionJa";
