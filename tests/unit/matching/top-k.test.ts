import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from '../../../lib/matching';

// The k best of a stream, best first, ties broken by the smaller id: the same as sorting all of it.

const sortAll = (items: { score: number; id: string }[]) =>
  [...items].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('TopK', () => {
  it('keeps the best k, best first, ties by id', () => {
    const top = new TopK(3);
    for (const [score, id] of [[5, 'e'], [9, 'a'], [5, 'b'], [1, 'z'], [7, 'c'], [5, 'a']] as const) top.offer({ score, id });
    expect(top.size).toBe(3);
    expect(top.sorted()).toEqual([{ score: 9, id: 'a' }, { score: 7, id: 'c' }, { score: 5, id: 'a' }]);
  });

  it('orders equal scores by id whatever order they came in', () => {
    const top = new TopK(3);
    for (const id of ['c', 'b', 'a']) top.offer({ score: 5, id });
    expect(top.sorted().map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('says whether an item would enter', () => {
    const top = new TopK(2);
    expect(top.admits(0, 'z')).toBe(true);
    top.offer({ score: 5, id: 'm' });
    expect(top.admits(0, 'z')).toBe(true);
    top.offer({ score: 8, id: 'a' });
    expect(top.admits(4, 'a')).toBe(false);
    expect(top.admits(5, 'n')).toBe(false);
    expect(top.admits(5, 'm')).toBe(false);
    expect(top.admits(5, 'l')).toBe(true);
    expect(top.admits(6, 'z')).toBe(true);
  });

  it('keeps nothing when k is zero', () => {
    const top = new TopK(0);
    top.offer({ score: 1, id: 'a' });
    expect(top.size).toBe(0);
    expect(top.sorted()).toEqual([]);
  });

  it('equals sorting everything and taking k, for any stream', () => {
    const item = fc.record({ score: fc.integer({ min: 0, max: 20 }), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') });
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (i) => i.id + i.score, maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (items, k) => {
        const top = new TopK(k);
        for (const i of items) {
          const expected = sortAll([...top.sorted(), i]).slice(0, k).some((x) => x === i);
          expect(top.admits(i.score, i.id)).toBe(expected);
          top.offer(i);
        }
        expect(top.sorted()).toEqual(sortAll(items).slice(0, k));
        expect(top.size).toBe(Math.min(k, items.length));
      }),
      { numRuns: 500 },
    );
  });
});
