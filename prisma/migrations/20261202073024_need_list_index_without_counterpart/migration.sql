-- A need's list index goes back to ("needId", "inNeedTop", score DESC): with the company's id at its
-- end (migration 20261202041250) every entry was unique, so B-tree deduplication stored none of the
-- equal keys once, and the index grew from 11 to 83 MB built fresh (116 MB after a national rebuild)
-- on 100,000 companies × 10,000 needs (docs/benchmarks/matching.md, session 7). What the id bought
-- there is small: a company re-rank's tie probe on needs' lists (tiesThatEnter) reads at most a
-- list's 50 entries at the floor's score, 804 instead of 640 buffers for 160 probes (~2 ms). The
-- company list's index keeps the need's id: a need re-rank probes up to ~1,200 company lists, where
-- it saves two thirds of the buffers (14,490 → 4,800).
--
-- Upgrade note: CREATE INDEX takes a SHARE lock on "Match", so writes to it (re-ranks, decisions)
-- wait while the index is built — about 2 s on 1.5 million pairs. Deploy when no national rebuild
-- is running.

-- DropIndex
DROP INDEX "Match_needId_inNeedTop_score_companyId_idx";

-- CreateIndex
CREATE INDEX "Match_needId_inNeedTop_score_idx" ON "Match"("needId", "inNeedTop", "score" DESC);
