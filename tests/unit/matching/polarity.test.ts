import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMatch, prepareCompany, prepareNeed } from '../../../lib/matching';
import { CRITERION_FNS } from '../../../lib/matching/criteria';
import { agrees, polarityOf, REASON_POLARITY } from '../../../lib/matching/polarity';
import { CRITERIA } from '../../../lib/matching/types';
import { company, context, need, policy } from './arbitraries';
import { CONTEXT, makeCompany, makeNeed } from './builders';

// Issue 13: "Scale 8/8" beside "the budget is above what the company can take on". Every
// criterion's sentence and its points must say the same thing, over every pair the engine meets.

const RUNS = { numRuns: Number(process.env.FC_NUM_RUNS ?? 2000) };

describe('a reason agrees with its points', () => {
  it('every criterion gives a fraction its sentence agrees with (for: at least half, against: under half, partial: neither 0 nor all)', () => {
    fc.assert(
      fc.property(need, company, context, (n, c, ctx) => {
        const preparedNeed = prepareNeed(n, ctx.asOf);
        const preparedCompany = prepareCompany(c);
        for (const criterion of CRITERIA) {
          let code = '';
          const fraction = CRITERION_FNS[criterion](preparedNeed, preparedCompany, ctx, (said) => {
            code = said;
          });
          expect(REASON_POLARITY[code], `${criterion}: ${code} has no polarity`).toBeDefined();
          expect(agrees(polarityOf(code), fraction), `${criterion}: ${code} with ${fraction}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the whole points shown agree too: a sentence against the pair never shows more than half (rounded up), one for it never less than half (rounded down)', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const result = evaluateMatch(n, c, ctx, p);
        if (result.kind !== 'scored') return;
        for (const entry of result.entries) {
          if (entry.maxPoints === 0) continue;
          const polarity = polarityOf(entry.reason.code);
          if (polarity === 'against') expect(entry.points * 2, `${entry.criterion} ${entry.reason.code}`).toBeLessThanOrEqual(entry.maxPoints + 1);
          if (polarity === 'for') expect(entry.points * 2, `${entry.criterion} ${entry.reason.code}`).toBeGreaterThanOrEqual(entry.maxPoints - 1);
        }
      }),
      RUNS,
    );
  });

  it('a budget just above the capacity reads against the pair and scores under half (the reported case)', () => {
    const result = evaluateMatch(
      makeNeed({ budgetAmount: 1_000_001 }),
      makeCompany({ maxProjectEur: 1_000_000 }),
      CONTEXT,
      { weights: { capability: 0, security: 0, integrity: 0, stage: 0, scale: 8, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 92 }, hardConstraints: { capability: false, security: false, integrity: false, stage: false, scale: true } },
    );
    expect(result.kind).toBe('scored');
    if (result.kind !== 'scored') return;
    const scale = result.entries.find((entry) => entry.criterion === 'scale')!;
    expect(scale.reason.code).toBe('ABOVE_CAPACITY');
    expect(scale.points).toBeLessThanOrEqual(4);
  });

  it('knows the polarity rules', () => {
    expect(agrees('for', 0.5)).toBe(true);
    expect(agrees('for', 0.49)).toBe(false);
    expect(agrees('against', 0.49)).toBe(true);
    expect(agrees('against', 0.5)).toBe(false);
    expect(agrees('partial', 0)).toBe(false);
    expect(agrees('partial', 1)).toBe(false);
    expect(agrees('partial', 0.4)).toBe(true);
    expect(agrees('neutral', 0)).toBe(true);
    expect(polarityOf('SOMETHING_NEW')).toBe('neutral');
  });
});
