import { describe, expect, it } from 'vitest';

// Imported inside the test, so that a vocabulary that outgrows the bit masks fails this test
// (an import error at the top of a file fails no test, only the file).
describe('capability vocabulary', () => {
  it('fits the two 30-bit masks', async () => {
    const { CAPABILITY_VALUES, SECTOR_VALUES } = await import('../../../lib/matching/vocabulary');
    expect(CAPABILITY_VALUES.length).toBeGreaterThan(0);
    expect(CAPABILITY_VALUES.length).toBeLessThanOrEqual(60);
    expect(SECTOR_VALUES).toHaveLength(10);
  });
});
