import { describe, expect, it } from 'vitest';
import { discs } from '../../components/maps/discs';

// The server-drawn map draws its hromadas as a few paths of discs instead of one element each.

describe('discs as one path', () => {
  it('draws one closed disc per centre, at its place and size', () => {
    const d = discs([{ x: 10, y: 20, r: 5 }, { x: 100.04, y: 7.26, r: 2 }]);
    expect(d).toBe('M5.0 20.0a5 5 0 1 0 10 0a5 5 0 1 0 -10 0M98.0 7.3a2 2 0 1 0 4 0a2 2 0 1 0 -4 0');
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('draws nothing for no centres', () => {
    expect(discs([])).toBe('');
  });
});
