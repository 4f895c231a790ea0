import { isStaff, requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { z } from 'zod';

// Who may read and write an introduction's follow-through: its two parties (the company's
// members, the need's hromada's members) and facilitators. Anyone else is told it does not
// exist, so that an id does not reveal that two organisations were introduced.

export const FOLLOW_THROUGH_ROLES = ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'] as const;

export type IntroductionParties = { id: string; needId: string; companyId: string; municipalityId: string; createdAt: Date };

export async function introductionForActor(
  db: Pick<Db, 'introduction'> | Pick<Prisma.TransactionClient, 'introduction'>,
  actor: Actor | null,
  introductionId: string,
): Promise<IntroductionParties> {
  requireRole(actor, FOLLOW_THROUGH_ROLES);
  if (!z.uuid().safeParse(introductionId).success) throw new AppError('NOT_FOUND');
  const row = await db.introduction.findUnique({
    where: { id: introductionId },
    select: { id: true, needId: true, companyId: true, createdAt: true, need: { select: { municipalityId: true } } },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const intro = { id: row.id, needId: row.needId, companyId: row.companyId, municipalityId: row.need.municipalityId, createdAt: row.createdAt };
  if (!isParty(actor, intro)) throw new AppError('NOT_FOUND');
  return intro;
}

export function isParty(actor: Actor, intro: Pick<IntroductionParties, 'companyId' | 'municipalityId'>): boolean {
  if (isStaff(actor)) return true;
  if (actor.role === 'COMPANY_REP') return !!actor.companyId && actor.companyId === intro.companyId;
  if (actor.role === 'MUNICIPALITY_REP') return !!actor.municipalityId && actor.municipalityId === intro.municipalityId;
  return false;
}
