-- A company's description becomes one original text with its language (issue 14): the
-- Japanese text when there is one, else the English. The other text stays in "descriptionEn"
-- until the next migration turns it into the author's translation (a TextTranslation row) and
-- drops both old columns.
ALTER TABLE "Company" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionLanguage" "Locale" NOT NULL DEFAULT 'ja';

UPDATE "Company" SET
  "description" = CASE WHEN btrim("descriptionJa") <> '' THEN "descriptionJa" ELSE "descriptionEn" END,
  "descriptionLanguage" = CASE WHEN btrim("descriptionJa") <> '' OR btrim("descriptionEn") = '' THEN 'ja'::"Locale" ELSE 'en'::"Locale" END;
