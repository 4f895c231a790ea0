-- /companies searches names, cities and the description (and its translations) for a fragment
-- anywhere in the text (ILIKE '%term%'), which a b-tree cannot serve. Trigram indexes can: one
-- over the company's searchable text as ONE expression (lib/companies/public-companies.ts
-- writes the same expression, COMPANY_SEARCH_TEXT, and a test checks the planner uses it), one
-- over company description translations. Prisma cannot express either: they live here only.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Company_search_trgm_idx" ON "Company" USING gin (
  ("legalNameJa" || ' ' || "legalNameEn" || ' ' || "cityJa" || ' ' || "cityEn" || ' ' || "description") gin_trgm_ops);
CREATE INDEX "TextTranslation_company_trgm_idx" ON "TextTranslation" USING gin ("text" gin_trgm_ops)
  WHERE "subject" = 'COMPANY';
