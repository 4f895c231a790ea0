import { EXCLUDED, scorePair } from '../evaluate';
import type { MatchingPolicy } from '../policy';
import { prepareCompany, prepareNeed } from '../prepare';
import { mean, ndcgAtK, precisionAtK } from './metrics';
import type { JudgedNeed } from './types';

// How well a policy ranks the judged set: each need's candidates are scored through the pure
// engine and ordered as a ranking is (score, then id); the excluded are not in the ranking.

export type NeedRelevance = {
  needId: string;
  precisionAt5: number;
  precisionAt5Ceiling: number;
  ndcgAt10: number;
  /** Company ids best first, with their score and judgement. */
  ranking: { companyId: string; score: number; relevance: number }[];
};

export type RelevanceFigures = {
  precisionAt5: number;
  /** The best precision@5 any ranking of the judged set can reach (fewer than five relevant). */
  precisionAt5Ceiling: number;
  ndcgAt10: number;
  needs: number;
  pairs: number;
  perNeed: NeedRelevance[];
};

export function rankJudgedNeed(judged: JudgedNeed, policy: MatchingPolicy): NeedRelevance['ranking'] {
  const prepared = prepareNeed(judged.need, judged.asOf);
  const ranking: NeedRelevance['ranking'] = [];
  for (const candidate of judged.candidates) {
    const context = { asOf: judged.asOf, companyRegisteredInterest: candidate.asked ?? false, municipalityInvitedCompany: candidate.invited ?? false };
    const score = scorePair(prepared, prepareCompany(candidate.company), context, policy);
    if (score !== EXCLUDED) ranking.push({ companyId: candidate.company.id, score, relevance: candidate.relevance });
  }
  return ranking.sort((a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : a.companyId > b.companyId ? 1 : 0));
}

export function measureRelevance(set: readonly JudgedNeed[], policy: MatchingPolicy): RelevanceFigures {
  const perNeed = set.map((judged): NeedRelevance => {
    const ranking = rankJudgedNeed(judged, policy);
    const ranked = ranking.map((r) => r.relevance);
    return {
      needId: judged.need.id,
      precisionAt5: precisionAtK(ranked, 5),
      precisionAt5Ceiling: precisionAtK(judged.candidates.map((c) => c.relevance).sort((a, b) => b - a), 5),
      ndcgAt10: ndcgAtK(ranked, judged.candidates.map((c) => c.relevance), 10),
      ranking,
    };
  });
  return {
    precisionAt5: mean(perNeed.map((n) => n.precisionAt5)),
    precisionAt5Ceiling: mean(perNeed.map((n) => n.precisionAt5Ceiling)),
    ndcgAt10: mean(perNeed.map((n) => n.ndcgAt10)),
    needs: set.length,
    pairs: set.reduce((sum, judged) => sum + judged.candidates.length, 0),
    perNeed,
  };
}
