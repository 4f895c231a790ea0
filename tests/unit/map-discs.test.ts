import { describe, expect, it } from 'vitest';
import { discs, dots } from '../../components/maps/discs';

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

describe('dots as one path of round caps', () => {
  it('moves to each centre in tenths, relative to the last, and draws a zero-length segment there', () => {
    const d = dots([{ x: 10, y: 20 }, { x: 100.04, y: 7.26 }, { x: 99.5, y: 7.3 }]);
    expect(d).toBe('M10 20h0m90-12.7h0m-.5 0h0');
  });

  it('ends at every centre rounded to a tenth, however many relative moves it takes', () => {
    const centres = Array.from({ length: 500 }, (_, i) => ({ x: (i * 37.77) % 800, y: (i * 13.13) % 600 }));
    let x = 0, y = 0;
    const drawn = [...dots(centres).matchAll(/([Mm])(-?[\d.]+)(?:\s|(?=-))(-?[\d.]+)h0/g)].map(([, command, dx, dy]) => {
      x = command === 'M' ? Number(dx) : x + Number(dx);
      y = command === 'M' ? Number(dy) : y + Number(dy);
      return { x, y };
    });
    expect(drawn).toHaveLength(500);
    drawn.forEach((point, i) => {
      expect(point.x).toBeCloseTo(Math.round(centres[i].x * 10) / 10, 6);
      expect(point.y).toBeCloseTo(Math.round(centres[i].y * 10) / 10, 6);
    });
  });

  it('draws nothing for no centres', () => {
    expect(dots([])).toBe('');
  });
});
