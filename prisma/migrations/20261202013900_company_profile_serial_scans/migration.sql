-- A re-rank's candidate read scans one sector's profiles (about 15,000 rows at national scale) and
-- returns a few hundred: its own work is about 12 ms, but a parallel plan spends 20-30 ms more
-- starting and gathering workers on a busy server (docs/benchmarks/matching.md, "Session 5 —
-- re-rank"). Many such reads run at once, each on its own connection, so the table is scanned by
-- one process per statement. Prisma's schema cannot express a storage parameter: written by hand.
ALTER TABLE "CompanyMatchProfile" SET (parallel_workers = 0);
