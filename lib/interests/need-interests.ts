import { z } from 'zod';
import { isStaff, requireRole, requireUser, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import { assessPairs } from '../match-store/assess-pair';
import { withExplanation } from '../match-store/explain';

// The two views of interest in one need: the municipality that posted it (and facilitators) see
// every company that registered interest; a company sees only its own interest and its own fit.

const isUuid = (value: string) => z.uuid().safeParse(value).success;

export async function listInterestsForNeed(db: Db, actor: Actor | null, needId: string) {
  requireUser(actor);
  const need = isUuid(needId) ? await db.need.findUnique({ where: { id: needId }, select: { municipalityId: true } }) : null;
  const isOwner = actor.role === 'MUNICIPALITY_REP' && actor.municipalityId !== null && need?.municipalityId === actor.municipalityId;
  if (!need || !(isOwner || isStaff(actor))) throw new AppError('NOT_FOUND');
  const interests = await db.interest.findMany({
    where: { needId, direction: 'COMPANY_INTEREST', withdrawnAt: null },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true, note: true, noteLanguage: true, createdAt: true,
      company: { select: { id: true, legalNameJa: true, legalNameEn: true, cityEn: true, cityJa: true, prefecture: { select: { nameJa: true, nameEn: true } } } },
    },
  });
  // Facilitators go from an interested company straight to its match card; everyone who sees
  // the list sees why a company no list holds is not ranked.
  const companyIds = interests.map((i) => i.company.id);
  const [matches, assessments] = await Promise.all([
    db.match.findMany({ where: { needId, companyId: { in: companyIds } }, select: { id: true, companyId: true, inNeedTop: true } }),
    assessPairs(db, needId, companyIds),
  ]);
  const matchOf = new Map(matches.map((m) => [m.companyId, m]));
  return interests.map((interest) => {
    const match = matchOf.get(interest.company.id);
    return {
      ...interest,
      matchId: isStaff(actor) ? (match?.id ?? null) : null,
      isRecommended: match?.inNeedTop ?? false,
      assessment: assessments.get(interest.company.id) ?? null,
    };
  });
}

/** The signed-in company's own interest in a need and its own match with it, if any. */
export async function getOwnStandingOnNeed(db: Db, actor: Actor | null, needId: string) {
  requireRole(actor, ['COMPANY_REP']);
  if (!actor.companyId || !isUuid(needId)) throw new AppError('NOT_FOUND');
  const [interest, invitation, match] = await Promise.all([
    db.interest.findUnique({
      where: { companyId_needId_direction: { companyId: actor.companyId, needId, direction: 'COMPANY_INTEREST' } },
      select: { id: true, note: true, noteLanguage: true, createdAt: true, withdrawnAt: true },
    }),
    db.interest.findUnique({
      where: { companyId_needId_direction: { companyId: actor.companyId, needId, direction: 'MUNICIPALITY_INVITATION' } },
      select: { id: true, note: true, noteLanguage: true, withdrawnAt: true },
    }),
    db.match.findUnique({
      where: { needId_companyId: { needId, companyId: actor.companyId } },
      select: { score: true, status: true, needId: true, companyId: true, points: true, judgedOn: true, policyVersion: true },
    }),
  ]);
  // No stored row: judged now, so an excluded company reads which condition excludes it.
  const assessment = match ? null : ((await assessPairs(db, needId, [actor.companyId])).get(actor.companyId) ?? null);
  return {
    interest: interest && !interest.withdrawnAt ? interest : null,
    invitation: invitation && !invitation.withdrawnAt ? invitation : null,
    match: await withExplanation(db, match),
    assessment,
  };
}
