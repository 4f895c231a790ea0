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
  // Ids in the order of their scores' ties: 'a' < 'b' < … as uuids compare.
  const scores = (...values: [string, number][]) => values.map(([id, score]) => ({ id, score }));
  const floor = (value: number, last: string | null = null) => ({ floor: value, last });

  it('when the previous floor left nothing out (-1: the list had room)', () => {
    expect(provesTopList(scores(), floor(-1), 3)).toBe(true);
  });

  it('when k pairs read reach the previous floor, ties included', () => {
    expect(provesTopList(scores(['a', 90], ['b', 80], ['c', 70], ['d', 10]), floor(70), 3)).toBe(true);
  });

  it('not when fewer than k reach it: the list may hold pairs the bound left out', () => {
    expect(provesTopList(scores(['a', 90], ['b', 80], ['c', 69], ['d', 60], ['e', 50]), floor(70), 3)).toBe(false);
    expect(provesTopList(scores(), floor(0), 1)).toBe(false);
  });

  it('with a last entry, a tie at the floor counts only up to it: greater ids were left out', () => {
    expect(provesTopList(scores(['a', 90], ['b', 80], ['c', 70]), floor(70, 'c'), 3)).toBe(true);
    expect(provesTopList(scores(['a', 90], ['b', 80], ['c', 70]), floor(70, 'd'), 3)).toBe(true);
    // 'd' ties at the floor after the last entry 'c': a need left out at 70 with id between them outranks it.
    expect(provesTopList(scores(['a', 90], ['b', 80], ['d', 70]), floor(70, 'c'), 3)).toBe(false);
    expect(provesTopList(scores(['a', 90], ['b', 80], ['d', 71]), floor(70, 'c'), 3)).toBe(true);
  });
});
