import { describe, expect, it } from 'vitest';
import { apportionPoints } from '../../../lib/matching/apportion';

// The rule both the explanation and the stored match use (lib/matching/apportion.ts).
describe('apportionPoints', () => {
  it('gives each criterion the floor of its value and the leftover to the largest remainders', () => {
    // 3.7 + 2.2 + 4.6 = 10.5 → score 11: floors 3 + 2 + 4 = 9, two points left, to .7 then .6.
    expect(apportionPoints([3.7, 2.2, 4.6], [5, 5, 5], 11)).toEqual([4, 2, 5]);
  });

  it('gives a tie to the lower index', () => {
    expect(apportionPoints([1.5, 1.5, 1.5], [5, 5, 5], 5)).toEqual([2, 2, 1]);
  });

  it('never lifts a criterion above its weight; the point goes to the next remainder', () => {
    // Below its weight the first criterion takes the point; at its weight it passes it on.
    expect(apportionPoints([1.9, 1.4, 0], [2, 5, 5], 4)).toEqual([2, 2, 0]);
    expect(apportionPoints([1.9, 1.4, 0], [1, 5, 5], 3)).toEqual([1, 2, 0]);
  });

  it('offers each criterion one point at most', () => {
    expect(apportionPoints([0.9, 0.1], [5, 5], 3)).toEqual([1, 1]);
  });

  it('reads a typed array as a plain one (pairPoints passes its scratch values)', () => {
    expect(apportionPoints(Float64Array.from([3.7, 2.2, 4.6]), [5, 5, 5], 11)).toEqual([4, 2, 5]);
  });
});
