-- The review queue and the dashboard's pipeline read only the pairs a facilitator may act on:
-- a need's top companies, and every pair somebody already acted on. That is a small slice of
-- "Match" (each company's own list is most of the table), so both used to scan the whole table.
-- This index holds only that slice, best score first, with what the count and the pipeline
-- need (need, status, inNeedTop) included, so the queue's page is an ordered index scan and
-- the counts are index-only scans (docs/benchmarks/pages.md). Prisma cannot express a partial
-- index: it lives here only, like the other partial indexes of the schema.
CREATE INDEX "Match_review_queue_idx" ON "Match" ("score" DESC, "id")
  INCLUDE ("needId", "status", "inNeedTop")
  WHERE "inNeedTop" OR "status" <> 'SUGGESTED';
