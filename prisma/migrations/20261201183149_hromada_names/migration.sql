-- CreateEnum
CREATE TYPE "HromadaNameKind" AS ENUM ('UK', 'CENTRE', 'ROMANISED', 'ENGLISH', 'JAPANESE');

-- CreateTable
CREATE TABLE "HromadaName" (
    "id" SERIAL NOT NULL,
    "hromadaCode" CHAR(19) NOT NULL,
    "kind" "HromadaNameKind" NOT NULL,
    "name" TEXT NOT NULL,
    "normalised" TEXT NOT NULL,
    "isCity" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "HromadaName_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HromadaName_hromadaCode_idx" ON "HromadaName"("hromadaCode");

-- AddForeignKey
ALTER TABLE "HromadaName" ADD CONSTRAINT "HromadaName_hromadaCode_fkey" FOREIGN KEY ("hromadaCode") REFERENCES "Hromada"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: names are matched by trigrams (pg_trgm ships with PostgreSQL and is a trusted
-- extension, so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The fold every searched text goes through, in the database (lib/reference/place-names.ts
-- foldForSearch is the same in TypeScript, tests/integration/place-search.test.ts holds them
-- equal): compatibility forms (full-width Latin, half-width kana) made canonical, lower case,
-- hiragana as katakana, apostrophes dropped (every way of typing the one in Знам’янка), hyphens
-- as spaces.
CREATE FUNCTION search_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(lower(normalize(input, NFKC)), 'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ-’‘ʼ''`´', 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ ');

-- fastupdate off: entries go straight into the index instead of a pending list that every
-- search would scan until the next vacuum (the names are loaded in bulk at every start).
CREATE INDEX "HromadaName_normalised_trgm_idx" ON "HromadaName" USING gin (normalised gin_trgm_ops) WITH (fastupdate = off);

-- Keyword search over needs (lib/needs/need-search.ts).
CREATE INDEX "Need_title_trgm_idx" ON "Need" USING gin (search_fold(title) gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX "Need_description_trgm_idx" ON "Need" USING gin (search_fold(description) gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX "TextTranslation_text_trgm_idx" ON "TextTranslation" USING gin (search_fold(text) gin_trgm_ops) WITH (fastupdate = off);
