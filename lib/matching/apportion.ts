// The one rule that turns a pair's weighed criterion values into whole points: the explanation
// (explainPair) and the stored match (pairPoints) both call it, so what a card shows is what the
// list sorted by.

/**
 * Whole points per criterion that add up exactly to the score: each criterion gets the floor of
 * its value, and the points rounding leaves over go to the largest remainders, the lower index
 * first on a tie; each criterion is offered one at most, and only below its weight. A selection
 * over the remainders, not a sort: a re-rank apportions thousands of pairs, and this allocates
 * nothing but the result.
 */
export function apportionPoints(values: ArrayLike<number>, weights: ArrayLike<number>, score: number): number[] {
  const count = values.length;
  const points: number[] = new Array(count);
  let leftover = score;
  for (let i = 0; i < count; i += 1) {
    points[i] = Math.floor(values[i] + 1e-9);
    leftover -= points[i];
  }
  let offered = 0;
  const everyone = (1 << count) - 1;
  while (leftover > 0 && offered !== everyone) {
    let best = -1;
    for (let i = 0; i < count; i += 1) {
      if (offered & (1 << i)) continue;
      if (best < 0 || values[i] - points[i] > values[best] - points[best]) best = i;
    }
    offered |= 1 << best;
    if (points[best] < weights[best]) {
      points[best] += 1;
      leftover -= 1;
    }
  }
  return points;
}
