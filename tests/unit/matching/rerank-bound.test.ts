import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provesTopList, scoreBound } from '../../../lib/match-store/bound';
import { EXCLUDED, scorePair } from '../../../lib/matching/evaluate';
import { prepareCompany, prepareNeed } from '../../../lib/matching/prepare';
import { company, context, need, policy } from './arbitraries';

// The pure parts of re-ranking's pruning (lib/match-store/bound.ts); the SQL forms of the bound
// are held above real scores in tests/integration/rerank-pruning.test.ts.

describe('the score bound', () => {
  it('is never below the score of a pair without an interest, under any policy', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const quiet = { ...ctx, companyRegisteredInterest: false, municipalityInvitedCompany: false };
        const preparedNeed = prepareNeed(n, quiet.asOf);
        const preparedCompany = prepareCompany(c);
        const score = scorePair(preparedNeed, preparedCompany, quiet, p);
        if (score !== EXCLUDED) expect(scoreBound(preparedNeed, preparedCompany, p) + 0.5).toBeGreaterThanOrEqual(score);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a pruned read proves the top list', () => {
  const scores = (...values: number[]) => values.map((score) => ({ score }));

  it('when the previous floor left nothing out (-1: the list had room)', () => {
    expect(provesTopList(scores(), -1, 3)).toBe(true);
  });

  it('when k pairs read reach the previous floor, ties included', () => {
    expect(provesTopList(scores(90, 80, 70, 10), 70, 3)).toBe(true);
  });

  it('not when fewer than k reach it: the list may hold pairs the bound left out', () => {
    expect(provesTopList(scores(90, 80, 69, 60, 50), 70, 3)).toBe(false);
    expect(provesTopList(scores(), 0, 1)).toBe(false);
  });
});
