import { describe, expect, it } from 'vitest';
import { isSme } from '../../lib/companies/sme';

const M = 1_000_000n;

describe('SME Basic Act thresholds', () => {
  it.each([
    // industry, capital, employees, expected
    ['MANUFACTURING_AND_OTHER', 300n * M, 1000, true],
    ['MANUFACTURING_AND_OTHER', 301n * M, 300, true],
    ['MANUFACTURING_AND_OTHER', 301n * M, 301, false],
    ['WHOLESALE', 100n * M, 500, true],
    ['WHOLESALE', 101n * M, 101, false],
    ['SERVICES', 50n * M, 200, true],
    ['SERVICES', 51n * M, 100, true],
    ['SERVICES', 51n * M, 101, false],
    ['RETAIL', 51n * M, 50, true],
    ['RETAIL', 51n * M, 51, false],
  ] as const)('%s with capital %d and %d employees → SME %s', (industry, capitalJpy, employees, expected) => {
    expect(isSme({ industry, capitalJpy, employees })).toBe(expected);
  });
});
