-- Each side's list index ends with the other side's id. A re-rank asks, for every pair that ties a
-- counterpart's full-list floor, which entry is that list's last at the floor's score (tiesThatEnter
-- in lib/match-store/refresh.ts). With the id in the index that is the first entry of a backward
-- (index-only) scan, instead of every entry at that score read from the heap and sorted: a need
-- on thousands of companies' lists asks it up to ~1,200 times per re-rank
-- (docs/benchmarks/raw/rerank-explain-session6.md). Both still serve the list reads, whose order
-- (score, then the other side's id) they now hold whole.

-- DropIndex
DROP INDEX "Match_needId_inNeedTop_score_idx";

-- DropIndex
DROP INDEX "Match_companyId_inCompanyTop_score_idx";

-- CreateIndex
CREATE INDEX "Match_needId_inNeedTop_score_companyId_idx" ON "Match"("needId", "inNeedTop", "score" DESC, "companyId");

-- CreateIndex
CREATE INDEX "Match_companyId_inCompanyTop_score_needId_idx" ON "Match"("companyId", "inCompanyTop", "score" DESC, "needId");
