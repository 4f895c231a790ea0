/**
 * npm run eval:matching — how well the default policy ranks the judged set
 * (lib/matching/evaluation/judged-set.ts: needs and candidate companies graded 0–3 from the
 * source documents). Pure engine, no database. Prints precision@5 and nDCG@10 per need and their
 * means (defined in lib/matching/evaluation/metrics.ts) and, last, one line of JSON.
 */
import { DEFAULT_POLICY } from '../../lib/matching';
import { JUDGED_SET, measureRelevance } from '../../lib/matching/evaluation';

const figures = measureRelevance(JUDGED_SET, DEFAULT_POLICY);
const fixed = (n: number) => n.toFixed(3);

console.log('need'.padEnd(34), 'P@5'.padStart(6), 'best'.padStart(6), 'nDCG@10'.padStart(8), '  ranking (judgement:score)');
for (const need of figures.perNeed) {
  const ranking = need.ranking.map((r) => `${r.relevance}:${r.score}`).join(' ');
  console.log(need.needId.padEnd(34), fixed(need.precisionAt5).padStart(6), fixed(need.precisionAt5Ceiling).padStart(6), fixed(need.ndcgAt10).padStart(8), ' ', ranking);
}
console.log('mean'.padEnd(34), fixed(figures.precisionAt5).padStart(6), fixed(figures.precisionAt5Ceiling).padStart(6), fixed(figures.ndcgAt10).padStart(8));
console.log(JSON.stringify({
  precisionAt5: Number(fixed(figures.precisionAt5)),
  precisionAt5Ceiling: Number(fixed(figures.precisionAt5Ceiling)),
  ndcgAt10: Number(fixed(figures.ndcgAt10)),
  pairs: figures.pairs,
  needs: figures.needs,
  policy: 'DEFAULT_POLICY',
  weights: DEFAULT_POLICY.weights,
  hardConstraints: DEFAULT_POLICY.hardConstraints,
}));
