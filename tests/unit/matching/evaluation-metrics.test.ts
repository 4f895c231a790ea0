import { describe, expect, it } from 'vitest';
import { dcgAtK, mean, ndcgAtK, precisionAtK, RELEVANT } from '../../../lib/matching/evaluation';

// Tiny rankings worked out by hand: gain 2^rel − 1, discount log2(place + 1).
const LOG2_3 = Math.log2(3);

describe('precision@k', () => {
  it('counts judgements of 2 and above among the first k, over k', () => {
    expect(RELEVANT).toBe(2);
    expect(precisionAtK([3, 0, 2, 1, 2], 5)).toBe(0.6);
    expect(precisionAtK([3, 0, 2, 1, 2, 3, 3], 5)).toBe(0.6);
    expect(precisionAtK([1, 1, 1, 1, 1], 5)).toBe(0);
    expect(precisionAtK([2, 2, 2, 2, 2], 5)).toBe(1);
  });

  it('divides by k even when the ranking is shorter', () => {
    expect(precisionAtK([2], 5)).toBe(0.2);
    expect(precisionAtK([], 5)).toBe(0);
  });

  it('refuses a k of zero or less', () => {
    expect(() => precisionAtK([3], 0)).toThrow(new RangeError('k must be positive'));
    expect(() => precisionAtK([3], -1)).toThrow(RangeError);
  });
});

describe('DCG and nDCG@k', () => {
  it('sums graded gains over a logarithmic discount', () => {
    expect(dcgAtK([3], 1)).toBe(7);
    expect(dcgAtK([3, 2, 0], 3)).toBeCloseTo(7 + 3 / LOG2_3, 12);
    expect(dcgAtK([0, 0, 1], 3)).toBeCloseTo(1 / 2, 12);
    expect(dcgAtK([1, 1, 1], 2)).toBeCloseTo(1 + 1 / LOG2_3, 12);
    expect(dcgAtK([], 10)).toBe(0);
  });

  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcgAtK([3, 2, 1], [1, 3, 2], 10)).toBe(1);
    expect(ndcgAtK([0, 3], [3, 0], 2)).toBeCloseTo(1 / LOG2_3, 12);
    // DCG = 3 + 7/log2 3; IDCG = 7 + 3/log2 3 + 1/2.
    expect(ndcgAtK([2, 3], [3, 2, 1], 10)).toBeCloseTo((3 + 7 / LOG2_3) / (7 + 3 / LOG2_3 + 0.5), 12);
  });

  it('counts relevant candidates left out of the ranking against it', () => {
    // The engine excluded the 3: the ranking holds the 2 only.
    expect(ndcgAtK([2], [3, 2], 10)).toBeCloseTo(3 / (7 + 3 / LOG2_3), 12);
  });

  it('looks at the first k places only, of the ranking and of the ideal', () => {
    expect(ndcgAtK([1, 3], [3, 1], 1)).toBeCloseTo(1 / 7, 12);
    expect(ndcgAtK([3, 0, 0, 0], [3, 0, 0, 3], 1)).toBe(1);
  });

  it('is 0 when nothing is relevant, and refuses a k of zero', () => {
    expect(ndcgAtK([0, 0], [0, 0], 10)).toBe(0);
    expect(() => ndcgAtK([3], [3], 0)).toThrow(new RangeError('k must be positive'));
  });

  it('averages, with 0 for no values', () => {
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([])).toBe(0);
  });
});
