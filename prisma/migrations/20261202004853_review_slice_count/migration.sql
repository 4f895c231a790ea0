-- CreateTable
CREATE TABLE "ReviewSliceCount" (
    "id" BIGSERIAL NOT NULL,
    "sector" "SectorCode" NOT NULL,
    "oblastCode" CHAR(19) NOT NULL,
    "status" "MatchStatus" NOT NULL,
    "score" INTEGER NOT NULL,
    "pairs" INTEGER NOT NULL,

    CONSTRAINT "ReviewSliceCount_pkey" PRIMARY KEY ("id")
);

-- The review queue counted its slice exactly on every view: on 30,000 companies × 3,000 needs the
-- count visited ~150,000 entries of "Match" (≈ 35 ms), growing with the data
-- (docs/benchmarks/pages.md, session 5). These triggers keep the size of the slice by sector, oblast,
-- status and score instead, in the same transaction as the change. A pair is in the slice when
-- it is on the top list of its need while the need is open, or when somebody acted on it (its status
-- is not SUGGESTED) — the predicate of review-slice.ts. Each statement on "Match" or "Need"
-- appends its net change per key as new rows: nothing is updated, so re-ranks, rebuilds and
-- decisions running at once never wait for each other counter rows, in any order. Now and then
-- (one statement in 64, and only where no other transaction is doing it) the rows are folded into
-- one per key. Statement-level with transition tables: a bulk write counts once. the Prisma driver
-- adapter sends a migration statement by statement, split at every semicolon, so the function
-- bodies write theirs as \073 inside E'' strings (and double their quotes).

CREATE FUNCTION "review_slice_count_fold"(chance float8) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF random() < chance AND pg_try_advisory_xact_lock(hashtext(''ReviewSliceCount'')) THEN
    WITH gone AS (DELETE FROM "ReviewSliceCount" RETURNING "sector", "oblastCode", "status", "score", "pairs")
    INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
      SELECT "sector", "oblastCode", "status", "score", sum("pairs")::int FROM gone
      GROUP BY 1, 2, 3, 4 HAVING sum("pairs") <> 0\073
  END IF\073
END
';

CREATE FUNCTION "review_slice_count_after_match_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
    SELECT n."sector", h."oblastCode", r."status", r."score", count(*)::int
    FROM new_rows r JOIN "Need" n ON n."id" = r."needId" JOIN "Hromada" h ON h."code" = n."hromadaCode"
    WHERE (r."inNeedTop" AND n."status" = ''OPEN'') OR r."status" <> ''SUGGESTED''
    GROUP BY 1, 2, 3, 4\073
  PERFORM "review_slice_count_fold"(1.0 / 64)\073
  RETURN NULL\073
END
';

-- The deletion of a need has already subtracted its pairs (below): its cascaded pairs no longer
-- join to it here, so they are not subtracted twice.
CREATE FUNCTION "review_slice_count_after_match_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
    SELECT n."sector", h."oblastCode", r."status", r."score", -count(*)::int
    FROM old_rows r JOIN "Need" n ON n."id" = r."needId" JOIN "Hromada" h ON h."code" = n."hromadaCode"
    WHERE (r."inNeedTop" AND n."status" = ''OPEN'') OR r."status" <> ''SUGGESTED''
    GROUP BY 1, 2, 3, 4\073
  PERFORM "review_slice_count_fold"(1.0 / 64)\073
  RETURN NULL\073
END
';

CREATE FUNCTION "review_slice_count_after_match_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
    SELECT "sector", "oblastCode", "status", "score", sum(d)::int FROM (
      SELECT n."sector", h."oblastCode", r."status", r."score", 1 AS d
      FROM new_rows r JOIN "Need" n ON n."id" = r."needId" JOIN "Hromada" h ON h."code" = n."hromadaCode"
      WHERE (r."inNeedTop" AND n."status" = ''OPEN'') OR r."status" <> ''SUGGESTED''
      UNION ALL
      SELECT n."sector", h."oblastCode", r."status", r."score", -1
      FROM old_rows r JOIN "Need" n ON n."id" = r."needId" JOIN "Hromada" h ON h."code" = n."hromadaCode"
      WHERE (r."inNeedTop" AND n."status" = ''OPEN'') OR r."status" <> ''SUGGESTED''
    ) changes GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0\073
  PERFORM "review_slice_count_fold"(1.0 / 64)\073
  RETURN NULL\073
END
';

CREATE FUNCTION "review_slice_count_after_match_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "ReviewSliceCount"\073
  RETURN NULL\073
END
';

-- A need that opens, closes, changes sector or moves to another hromada moves its pairs. Only
-- those rows of the statement are read ("matchFloor" changes on every re-rank and moves nothing).
CREATE FUNCTION "review_slice_count_after_need_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
    SELECT "sector", "oblastCode", "status", "score", sum(d)::int FROM (
      SELECT n."sector", h."oblastCode", m."status", m."score", 1 AS d
      FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "Match" m ON m."needId" = n."id" JOIN "Hromada" h ON h."code" = n."hromadaCode"
      WHERE (n."status", n."sector", n."hromadaCode") IS DISTINCT FROM (o."status", o."sector", o."hromadaCode")
        AND ((m."inNeedTop" AND n."status" = ''OPEN'') OR m."status" <> ''SUGGESTED'')
      UNION ALL
      SELECT o."sector", h."oblastCode", m."status", m."score", -1
      FROM old_rows o JOIN new_rows n ON n."id" = o."id" JOIN "Match" m ON m."needId" = o."id" JOIN "Hromada" h ON h."code" = o."hromadaCode"
      WHERE (n."status", n."sector", n."hromadaCode") IS DISTINCT FROM (o."status", o."sector", o."hromadaCode")
        AND ((m."inNeedTop" AND o."status" = ''OPEN'') OR m."status" <> ''SUGGESTED'')
    ) changes GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0\073
  RETURN NULL\073
END
';

-- Before the need goes (its pairs are deleted with it by the foreign key cascade).
CREATE FUNCTION "review_slice_count_before_need_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
    SELECT OLD."sector", h."oblastCode", m."status", m."score", -count(*)::int
    FROM "Match" m JOIN "Hromada" h ON h."code" = OLD."hromadaCode"
    WHERE m."needId" = OLD."id" AND ((m."inNeedTop" AND OLD."status" = ''OPEN'') OR m."status" <> ''SUGGESTED'')
    GROUP BY 1, 2, 3, 4\073
  RETURN OLD\073
END
';

CREATE TRIGGER "Match_review_count_insert" AFTER INSERT ON "Match"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_slice_count_after_match_insert"();
CREATE TRIGGER "Match_review_count_delete" AFTER DELETE ON "Match"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_slice_count_after_match_delete"();
CREATE TRIGGER "Match_review_count_update" AFTER UPDATE ON "Match"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_slice_count_after_match_update"();
CREATE TRIGGER "Match_review_count_truncate" AFTER TRUNCATE ON "Match"
  FOR EACH STATEMENT EXECUTE FUNCTION "review_slice_count_after_match_truncate"();
CREATE TRIGGER "Need_review_count_update" AFTER UPDATE ON "Need"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_slice_count_after_need_update"();
CREATE TRIGGER "Need_review_count_delete" BEFORE DELETE ON "Need"
  FOR EACH ROW EXECUTE FUNCTION "review_slice_count_before_need_delete"();

-- The pairs already there.
INSERT INTO "ReviewSliceCount" ("sector", "oblastCode", "status", "score", "pairs")
  SELECT n."sector", h."oblastCode", m."status", m."score", count(*)::int
  FROM "Match" m JOIN "Need" n ON n."id" = m."needId" JOIN "Hromada" h ON h."code" = n."hromadaCode"
  WHERE (m."inNeedTop" AND n."status" = 'OPEN') OR m."status" <> 'SUGGESTED'
  GROUP BY 1, 2, 3, 4;
