import { z } from 'zod';
import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import { kyivDay } from '../hostility-list/calendar';
import { Prisma } from '../generated/prisma/client';
import { EXCLUDED, scorePair } from '../matching/evaluate';
import { JUDGED_SET, measureRelevance } from '../matching/evaluation';
import { hardConstraintsSchema, policyWeightsSchema, type MatchingPolicy } from '../matching/policy';
import { prepareCompany, prepareNeed } from '../matching/prepare';
import { TopK } from '../matching/top-k';
import { parseInput } from '../validation';
import { loadInterests, loadNeeds } from './inputs';
import { getCurrentPolicy } from './policy';
import { loadCandidateCompanies } from './profiles';

// The policy editor's preview: how one need's ranking would look under the weights being
// edited, next to the ranking under the policy in force, and how each policy ranks the judged
// set (lib/matching/evaluation) by precision@5 and nDCG@10. Nothing is written.

export const PREVIEW_SIZE = 10;

export const previewPolicySchema = z
  .object({ needId: z.uuid(), weights: policyWeightsSchema, hardConstraints: hardConstraintsSchema })
  .strict();

export type PreviewRow = { companyId: string; legalNameJa: string; legalNameEn: string; score: number; rank: number; /** Its rank in the other list, null when absent there. */ otherRank: number | null };
export type RelevanceSummary = { precisionAt5: number; ndcgAt10: number; needs: number; pairs: number };
export type PolicyPreview = {
  currentVersion: number;
  current: PreviewRow[];
  proposed: PreviewRow[];
  relevance: { current: RelevanceSummary; proposed: RelevanceSummary };
};

/** The judged set's figures under a policy: pure, a few milliseconds. */
export function summariseRelevance(policy: MatchingPolicy): RelevanceSummary {
  const { precisionAt5, ndcgAt10, needs, pairs } = measureRelevance(JUDGED_SET, policy);
  return { precisionAt5, ndcgAt10, needs, pairs };
}

type Ranked = { id: string; score: number };

const NO_HARD_CONSTRAINTS = { capability: false, security: false, integrity: false, stage: false, scale: false };

export async function previewPolicy(db: Db, actor: Actor | null, input: unknown): Promise<PolicyPreview> {
  requireRole(actor, STAFF_ROLES);
  const { needId, weights, hardConstraints } = parseInput(previewPolicySchema, input);
  const current = await getCurrentPolicy(db);
  const proposed: MatchingPolicy = { weights, hardConstraints };
  const asOf = kyivDay();

  const [need] = await loadNeeds(db, Prisma.sql`n.id = ${needId}::uuid`);
  if (!need) throw new AppError('NOT_FOUND', 'Only open needs of verified hromadas are ranked');
  const prepared = prepareNeed(need, asOf);
  // Every company in the sector: each policy then applies its own hard constraints.
  const [companies, interests] = await Promise.all([
    loadCandidateCompanies(db, prepared, { weights, hardConstraints: NO_HARD_CONSTRAINTS }),
    loadInterests(db, Prisma.sql`i."needId" = ${needId}::uuid`),
  ]);

  const rank = (policy: MatchingPolicy) => {
    const top = new TopK<Ranked>(PREVIEW_SIZE);
    for (const company of companies) {
      const interest = interests.get(`${needId}:${company.id}`);
      const context = { asOf, companyRegisteredInterest: interest?.asked ?? false, municipalityInvitedCompany: interest?.invited ?? false };
      const score = scorePair(prepared, prepareCompany(company), context, policy);
      if (score !== EXCLUDED) top.offer({ id: company.id, score });
    }
    return top.sorted();
  };
  const before = rank(current);
  const after = rank(proposed);

  const names = new Map(
    (await db.company.findMany({ where: { id: { in: [...before, ...after].map((r) => r.id) } }, select: { id: true, legalNameJa: true, legalNameEn: true } }))
      .map((c) => [c.id, c]),
  );
  const rows = (list: Ranked[], other: Ranked[]): PreviewRow[] =>
    list.map((item, index) => {
      const otherIndex = other.findIndex((o) => o.id === item.id);
      const name = names.get(item.id);
      return {
        companyId: item.id, legalNameJa: name?.legalNameJa ?? '', legalNameEn: name?.legalNameEn ?? '',
        score: item.score, rank: index + 1, otherRank: otherIndex === -1 ? null : otherIndex + 1,
      };
    });
  return {
    currentVersion: current.version,
    current: rows(before, after),
    proposed: rows(after, before),
    relevance: { current: summariseRelevance(current), proposed: summariseRelevance(proposed) },
  };
}
