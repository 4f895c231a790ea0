import type { Db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { ensureDefaultPolicy, getCurrentPolicy } from '../../lib/match-store/policy';

/** A stored match between a need and a company, as the ranking would have written it. */
export async function createMatch(db: Db, companyId: string, needId: string, overrides: Partial<Prisma.MatchUncheckedCreateInput> = {}) {
  await ensureDefaultPolicy(db);
  const policy = await getCurrentPolicy(db);
  return db.match.create({
    data: {
      needId,
      companyId,
      score: 72,
      points: [20, 15, 10, 8, 6, 5, 3, 3, 2],
      judgedOn: new Date(new Date().toISOString().slice(0, 10)),
      policyVersion: policy.version,
      inNeedTop: true,
      inCompanyTop: true,
      ...overrides,
    },
  });
}
