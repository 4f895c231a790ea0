// The server-drawn map (hromada-map.tsx) draws its hromadas as a few paths of discs instead of
// one SVG element each: 1,470 faint centres plus up to ~1,300 hromadas with open needs.

/** Discs as one SVG path: two half-circle arcs each, their centres rounded to a tenth of a unit. */
export function discs(centres: { x: number; y: number; r: number }[]): string {
  return centres.map(({ x, y, r }) => `M${(x - r).toFixed(1)} ${y.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`).join('');
}

