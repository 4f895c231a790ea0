import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';

// What each party sees of its introductions: who it was introduced to, when, and the
// facilitator's note. A company sees its own; a municipality sees its needs'.

const introductionSelect = {
  createdAt: true,
  message: true,
  messageLanguage: true,
  id: true,
  need: { select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } }, municipality: { select: { contactName: true, contactEmail: true, contactPhone: true } } } },
  company: { select: { id: true, legalNameJa: true, legalNameEn: true, contactName: true, contactEmail: true, contactPhone: true } },
} satisfies Prisma.IntroductionSelect;
export type IntroductionView = Prisma.IntroductionGetPayload<{ select: typeof introductionSelect }>;

export async function listOwnIntroductions(db: Db, actor: Actor | null): Promise<IntroductionView[]> {
  requireRole(actor, ['COMPANY_REP', 'MUNICIPALITY_REP']);
  // An undefined id would mean "no filter" to Prisma: refuse instead of listing everyone's.
  const organisationId = actor.role === 'COMPANY_REP' ? actor.companyId : actor.municipalityId;
  if (!organisationId) throw new AppError('FORBIDDEN', 'No organisation');
  const where: Prisma.IntroductionWhereInput =
    actor.role === 'COMPANY_REP' ? { companyId: organisationId } : { need: { municipalityId: organisationId } };
  return db.introduction.findMany({ where, select: introductionSelect, orderBy: { createdAt: 'desc' }, take: 100 });
}
