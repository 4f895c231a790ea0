// A pair's points (smallint[]) travel as PostgreSQL's text of an array: '{12,0,7}', '{}' when the
// pair no longer scores. A re-rank compares thousands of stored texts with the points it computed;
// building each computed text to compare it was a string per pair for the collector to clear
// (docs/benchmarks/matching.md, session 16).

/** The text PostgreSQL writes for these points, and reads back as smallint[]. */
export const pointsAsText = (points: readonly number[]): string => `{${points.join(',')}}`;

const OPEN = 123; // {
const CLOSE = 125; // }
const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Whether `text` is exactly pointsAsText(points), read in place; a null (no points stored) is not. */
export function isPointsText(text: string | null, points: readonly number[]): boolean {
  if (text === null || text.charCodeAt(0) !== OPEN || text.charCodeAt(text.length - 1) !== CLOSE) return false;
  let at = 1;
  for (let i = 0; i < points.length; i += 1) {
    if (i > 0 && text.charCodeAt(at++) !== COMMA) return false;
    const negative = text.charCodeAt(at) === MINUS;
    if (negative) at += 1;
    const start = at;
    let value = 0;
    for (let c = text.charCodeAt(at); c >= ZERO && c <= NINE; c = text.charCodeAt(++at)) value = value * 10 + (c - ZERO);
    // No digits, or a leading zero PostgreSQL never writes ('{07}'), is not this text.
    if (at === start || (text.charCodeAt(start) === ZERO && at - start > 1)) return false;
    if ((negative ? -value : value) !== points[i]) return false;
  }
  return at === text.length - 1;
}
