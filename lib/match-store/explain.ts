import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { explainPair } from '../matching/evaluate';
import { matchingPolicySchema, type MatchingPolicy } from '../matching/policy';
import { prepareCompany, prepareNeed, type PreparedNeed } from '../matching/prepare';
import { loadInterests, loadNeeds, type NeedInput } from './inputs';
import { loadCompanyProfiles, type CompanyInput } from './profiles';
import type { StoredExplanation } from './write';

// A stored match keeps its score and points per criterion, not its reasons: the reasons are
// derived here by the same pure engine, from the pair's inputs as of the day it was judged on and
// under the policy version it was judged by (docs/decisions/014-compact-stored-matches.md).
// When those inputs changed since (a re-ranking is queued but not done), the engine's answer now
// is shown with its own score, so that an explanation always adds up to the score beside it.

/** The columns of a stored match this reads. */
export type CompactMatch = {
  needId: string;
  companyId: string;
  score: number;
  points: number[];
  policyVersion: number;
  judgedOn: Date;
};

export type ExplainedMatch = { score: number; explanation: StoredExplanation };

/** Whether a derived explanation still has the stored row's points (its inputs did not move). */
export const isCurrent = (row: Pick<CompactMatch, 'score' | 'points'>, explained: ExplainedMatch) =>
  explained.explanation.kind === 'scored'
    ? explained.score === row.score && explained.explanation.entries.every((entry, i) => entry.points === row.points[i]) && explained.explanation.entries.length === row.points.length
    : row.points.length === 0;

/**
 * Inputs a caller may start reading before it has the rows (a need's list knows its need), or
 * read with them in the same statement (a list reads each row's company profile, interests and
 * policy beside it).
 */
export type Prefetched = {
  needs?: Promise<NeedInput[]>;
  companies?: CompanyInput[];
  interests?: Map<string, { asked: boolean; invited: boolean }>;
  policies?: Map<number, MatchingPolicy>;
};

/** Each row's score and explanation, in the order given. Reads the inputs once for all rows. */
export async function explainStoredMatches(db: Db, rows: CompactMatch[], prefetched: Prefetched = {}): Promise<ExplainedMatch[]> {
  const judged = rows.filter((row) => row.points.length > 0);
  if (judged.length === 0) return rows.map(ineligible);
  const needIds = [...new Set(judged.map((row) => row.needId))];
  const companyIds = [...new Set(judged.map((row) => row.companyId))];
  const versions = [...new Set(judged.map((row) => row.policyVersion))];
  const [needs, companies, interests, policyByVersion] = await Promise.all([
    prefetched.needs ?? loadNeeds(db, Prisma.sql`n.id = ANY(${needIds}::uuid[])`),
    prefetched.companies ?? loadCompanyProfiles(db, companyIds),
    prefetched.interests ?? loadInterests(db, Prisma.sql`i."needId" = ANY(${needIds}::uuid[]) AND i."companyId" = ANY(${companyIds}::uuid[])`),
    prefetched.policies ?? db.matchingPolicy.findMany({ where: { version: { in: versions } }, select: { version: true, weights: true, hardConstraints: true } })
      .then((rows) => new Map(rows.map((p) => [p.version, parsePolicy(p)]))),
  ]);
  const needById = new Map(needs.map((need) => [need.id, need]));
  const companyById = new Map(companies.map((company) => [company.id, prepareCompany(company)]));
  const prepared = new Map<string, PreparedNeed>();

  return rows.map((row) => {
    const asOf = row.judgedOn.toISOString().slice(0, 10);
    const need = needById.get(row.needId);
    const company = companyById.get(row.companyId);
    const policy = policyByVersion.get(row.policyVersion);
    // Not judged (any more): the need closed or a side lost its verification since.
    if (row.points.length === 0 || !need || !company || !policy) return ineligible(row);
    const key = `${row.needId}:${asOf}`;
    let preparedNeed = prepared.get(key);
    if (!preparedNeed) prepared.set(key, (preparedNeed = prepareNeed(need, row.judgedOn)));
    const interest = interests.get(`${row.needId}:${row.companyId}`);
    const context = { asOf: row.judgedOn, companyRegisteredInterest: interest?.asked ?? false, municipalityInvitedCompany: interest?.invited ?? false };
    const result = explainPair(preparedNeed, company, context, policy);
    if (result.kind === 'excluded') return { score: 0, explanation: { ...result, asOf } };
    // Equal to the stored score and points unless the inputs moved since (isCurrent); either way
    // the score shown is the explanation's own.
    return { score: result.score, explanation: { ...result, asOf } };
  });
}

/** A stored policy version's settings, as the engine reads them. */
export const parsePolicy = (row: { weights: unknown; hardConstraints: unknown }): MatchingPolicy =>
  matchingPolicySchema.parse({ weights: row.weights, hardConstraints: row.hardConstraints });

function ineligible(row: CompactMatch): ExplainedMatch {
  return { score: 0, explanation: { kind: 'ineligible', asOf: row.judgedOn.toISOString().slice(0, 10) } };
}

/** One stored match with its explanation in place of its compact columns (null stays null). */
export async function withExplanation<T extends CompactMatch>(
  db: Db,
  match: T | null,
): Promise<(Omit<T, 'points' | 'judgedOn'> & ExplainedMatch) | null> {
  if (!match) return null;
  const [explained] = await explainStoredMatches(db, [match]);
  return { ...withoutCompactColumns(match), ...explained };
}

/** The row without the columns its explanation replaces (and any other named). */
export function withoutCompactColumns<T extends Pick<CompactMatch, 'points' | 'judgedOn'>, K extends keyof T = never>(
  row: T,
  ...more: K[]
): Omit<T, 'points' | 'judgedOn' | K> {
  const copy: Partial<T> = { ...row };
  for (const key of ['points', 'judgedOn', ...more] as (keyof T)[]) delete copy[key];
  return copy as Omit<T, 'points' | 'judgedOn' | K>;
}
