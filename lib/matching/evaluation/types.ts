import type { Criterion, HardConstraint, MatchCompany, MatchNeed } from '../types';

/** 0 not to be recommended, 1 marginal, 2 good, 3 the company a facilitator should call first. */
export type Relevance = 0 | 1 | 2 | 3;

export type JudgedCandidate = {
  company: MatchCompany;
  /** Reciprocal interest already expressed for this pair. */
  asked?: boolean;
  invited?: boolean;
  relevance: Relevance;
  /** One line, tied to a passage of the source documents. */
  rationale: string;
  /** The criteria and hard constraints the judgement turns on. */
  turnsOn: readonly (Criterion | HardConstraint)[];
};

export type JudgedNeed = {
  need: MatchNeed;
  /** The day the site's status is judged on. */
  asOf: Date;
  candidates: readonly JudgedCandidate[];
};
