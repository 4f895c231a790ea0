import { describe, expect, it } from 'vitest';
import { isPointsText, pointsAsText } from '../../lib/match-store/points-text';

describe('a pair’s points as PostgreSQL’s array text', () => {
  it('is written as PostgreSQL writes a smallint[]', () => {
    expect(pointsAsText([12, 0, 7])).toBe('{12,0,7}');
    expect(pointsAsText([])).toBe('{}');
  });

  it('is recognised exactly, read in place', () => {
    for (const points of [[], [0], [7], [12, 0, 7], [100, 25, 3, 0, 0, 1], [-3, 4]]) {
      expect(isPointsText(pointsAsText(points), points), JSON.stringify(points)).toBe(true);
    }
  });

  it('is told apart from any other points', () => {
    const cases: [string, number[]][] = [
      ['{12,0,7}', [12, 0, 8]], ['{12,0,7}', [12, 0]], ['{12,0}', [12, 0, 7]], ['{12,0,7}', [1, 20, 7]],
      ['{}', [0]], ['{0}', []], ['{1,2}', [12]], ['{12}', [1, 2]], ['{-3}', [3]], ['{3}', [-3]],
      ['{07}', [7]], ['{7,}', [7]], ['{,7}', [7]], ['12,0', [12, 0]], ['{12,0', [12, 0]], ['', []], ['{1 ,2}', [1, 2]],
    ];
    for (const [text, points] of cases) expect(isPointsText(text, points), `${text} ${JSON.stringify(points)}`).toBe(false);
    // A row stored without points (the column is nullable) differs from any computed points.
    expect(isPointsText(null, [])).toBe(false);
  });
});
