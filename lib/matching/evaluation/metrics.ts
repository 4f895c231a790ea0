// Ranking-quality measures over graded judgements (0–3), the usual ones of information retrieval.
//
// precision@k: the share of the first k places of the ranking held by relevant candidates
//   (relevance ≥ RELEVANT, i.e. "good" or better). The denominator is always k: a ranking
//   with fewer than k entries, or a need with fewer than k relevant candidates, cannot reach 1.
//
// nDCG@k: DCG@k = Σ_{i=1..k} (2^rel_i − 1) / log2(i + 1), rel_i the judgement of the company at
//   place i (graded gain 2^rel − 1, logarithmic discount). nDCG@k = DCG@k / IDCG@k, where IDCG@k
//   is the DCG@k of the ideal ranking: every judged candidate of the need, most relevant first —
//   including those the engine excluded, so excluding a relevant company costs. 0 when no
//   candidate is relevant at all (nothing to find).

/** From "good" up: what a facilitator would be glad to see proposed. */
export const RELEVANT = 2;

export function precisionAtK(rankedRelevances: readonly number[], k: number): number {
  if (k <= 0) throw new RangeError('k must be positive');
  let hits = 0;
  for (let i = 0; i < Math.min(k, rankedRelevances.length); i += 1) if (rankedRelevances[i] >= RELEVANT) hits += 1;
  return hits / k;
}

export function dcgAtK(rankedRelevances: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, rankedRelevances.length); i += 1) sum += (2 ** rankedRelevances[i] - 1) / Math.log2(i + 2);
  return sum;
}

/** `judgedRelevances`: every judgement of the need, in any order (the ideal ranking is built from them). */
export function ndcgAtK(rankedRelevances: readonly number[], judgedRelevances: readonly number[], k: number): number {
  if (k <= 0) throw new RangeError('k must be positive');
  const ideal = dcgAtK([...judgedRelevances].sort((a, b) => b - a), k);
  return ideal === 0 ? 0 : dcgAtK(rankedRelevances, k) / ideal;
}

export const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length);
