-- A full rebuild rewrites most of "Match" in one transaction: its triggers on "Match" would capture
-- and aggregate 1.5 M rows' transition tables at national scale (the rebuild went from 71 to 98 s,
-- docs/benchmarks/matching.md, session 5). The rebuild switches those three triggers off inside its
-- own transaction (lib/match-store/rebuild-write.ts) and counts the slice once, here, before it
-- commits. The counting is the same predicate as the triggers' and review-slice.ts. It takes the
-- fold's lock first, so no fold moves rows between its delete and its insert, and then deletes and
-- inserts in one statement (one snapshot): a concurrent writer's change is either in the count and
-- its rows deleted, or in neither.
CREATE FUNCTION "review_slice_count_recount"() RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(''ReviewSliceCount''))\073
  WITH gone AS (DELETE FROM "ReviewSliceCount")
  INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
    SELECT n."sector", h."oblastCode", m."status", m."score", count(*)::int
    FROM "Match" m JOIN "Need" n ON n."id" = m."needId" JOIN "Hromada" h ON h."code" = n."hromadaCode"
    WHERE (m."inNeedTop" AND n."status" = ''OPEN'') OR m."status" <> ''SUGGESTED''
    GROUP BY 1, 2, 3, 4\073
END
';
