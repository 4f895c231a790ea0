import { describe, expect, it } from 'vitest';
import { pageSchema, pageWindow, toPage } from '../../lib/pagination';

describe('pagination', () => {
  it('reads ?page= leniently: anything that is not a sane page is the first page', () => {
    expect(pageSchema.parse('3')).toBe(3);
    for (const bad of [undefined, '', '0', '-2', '1.5', 'abc', '99999999', ['2', '3']]) {
      expect(pageSchema.parse(bad)).toBe(1);
    }
  });

  it('windows and counts pages', () => {
    expect(pageWindow(3, 25)).toEqual({ skip: 50, take: 25 });
    expect(toPage([], 0, 1).pageCount).toBe(1);
    expect(toPage([], 51, 1, 25).pageCount).toBe(3);
  });
});
