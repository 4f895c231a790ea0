-- Stored matches keep only what ranking needs: the score, the points per criterion (in the
-- CRITERIA order of the engine) and the day the pair was judged on. The reasons are derived on read by
-- the same pure engine (docs/decisions/013-compact-stored-matches.md). Existing rows keep their
-- points and day (the entries of a scored explanation are in CRITERIA order), anything else
-- (ineligible, excluded) has no points and a score of 0.
ALTER TABLE "Match" ADD COLUMN "judgedOn" DATE, ADD COLUMN "points" SMALLINT[];

UPDATE "Match" SET
  "judgedOn" = COALESCE(NULLIF(explanation->>'asOf', '')::date, "computedAt"::date),
  points = CASE WHEN explanation->>'kind' = 'scored'
    THEN ARRAY(SELECT (e.entry->>'points')::smallint
               FROM json_array_elements(explanation->'entries') WITH ORDINALITY AS e(entry, n) ORDER BY e.n)
    ELSE '{}'::smallint[] END,
  score = CASE WHEN explanation->>'kind' = 'scored' THEN score ELSE 0 END;

ALTER TABLE "Match" ALTER COLUMN "judgedOn" SET NOT NULL, DROP COLUMN "explanation";
