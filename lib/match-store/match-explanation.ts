import { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { withExplanation } from './explain';
import type { StoredExplanation } from './write';

/**
 * One stored match with its explanation, by the match's id: what a card's full criteria table
 * fetches when it is opened (app/api/match-explanation), on a company's recommendations and on a
 * need's recommended companies. Each reader reads the pairs its own list shows it, and no other:
 * - a company's representatives, their company's matches (the pair the company also reads on the
 *   need's page, getOwnStandingOnNeed);
 * - a municipality's representatives, the rows of their own need's list — its top companies and
 *   any pair somebody acted on (listMatchesForNeed's rule, `inNeedTop OR status <> 'SUGGESTED'`);
 * - facilitators and administrators, any match (they read every match's card).
 * A pair outside the reader's scope is "not found", not "forbidden", so the answer does not tell
 * whether that id exists. The explanation is derived as the lists derive it (explainStoredMatches
 * on the stored row), so the table adds up to the score on the card.
 */
export async function readMatchExplanation(db: Db, actor: Actor | null, matchId: string): Promise<{ needId: string; score: number; explanation: StoredExplanation }> {
  requireRole(actor, ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN']);
  const scope = readableBy(actor);
  if (!scope || !z.uuid().safeParse(matchId).success) throw new AppError('NOT_FOUND');
  const match = await db.match.findFirst({
    where: { AND: [{ id: matchId }, scope] },
    select: { needId: true, companyId: true, score: true, points: true, judgedOn: true, policyVersion: true },
  });
  const explained = await withExplanation(db, match);
  if (!explained) throw new AppError('NOT_FOUND');
  return { needId: explained.needId, score: explained.score, explanation: explained.explanation };
}

/** The matches `actor` may read; null when none (a representative without an organisation). */
function readableBy(actor: Actor): Prisma.MatchWhereInput | null {
  switch (actor.role) {
    case 'COMPANY_REP':
      // An undefined id would mean "any company" to Prisma.
      return actor.companyId ? { companyId: actor.companyId } : null;
    case 'MUNICIPALITY_REP':
      return actor.municipalityId
        ? { need: { municipalityId: actor.municipalityId }, OR: [{ inNeedTop: true }, { status: { not: 'SUGGESTED' } }] }
        : null;
    case 'FACILITATOR':
    case 'ADMIN':
      return {};
  }
}
