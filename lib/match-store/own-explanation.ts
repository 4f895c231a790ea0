import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import { withExplanation } from './explain';
import type { StoredExplanation } from './write';

/**
 * A company's own stored match with its explanation, by the match's id: what the company's
 * recommendations fetch when a card's full criteria table is opened (app/api/match-explanation).
 * Only the company's representatives read it — the same pair the company reads on the need's
 * page (getOwnStandingOnNeed) — and another company's match is "not found", not "forbidden", so
 * the answer does not tell whether that id exists. The explanation is derived as the list derives
 * it (explainStoredMatches on the stored row), so the table adds up to the score on the card.
 */
export async function readOwnMatchExplanation(db: Db, actor: Actor | null, matchId: string): Promise<{ needId: string; score: number; explanation: StoredExplanation }> {
  requireRole(actor, ['COMPANY_REP']);
  if (!actor.companyId || !z.uuid().safeParse(matchId).success) throw new AppError('NOT_FOUND');
  const match = await db.match.findFirst({
    where: { id: matchId, companyId: actor.companyId },
    select: { needId: true, companyId: true, score: true, points: true, judgedOn: true, policyVersion: true },
  });
  const explained = await withExplanation(db, match);
  if (!explained) throw new AppError('NOT_FOUND');
  return { needId: explained.needId, score: explained.score, explanation: explained.explanation };
}
