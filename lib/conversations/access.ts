import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { MessageSide, Prisma } from '../generated/prisma/client';
import { introductionForActor, type IntroductionParties } from '../follow-through/access';

// Who reads and writes an introduction's conversation: the two organisations' members and the
// facilitators who made the introduction possible. Administrators keep the platform; they do not
// read private conversations. Anyone else is told the introduction does not exist (as on the
// follow-through page), so an id reveals nothing.

export const CONVERSATION_ROLES = ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR'] as const;

type Client = Pick<Db, 'introduction'> | Pick<Prisma.TransactionClient, 'introduction'>;

export async function conversationFor(db: Client, actor: Actor | null, introductionId: string): Promise<IntroductionParties> {
  requireRole(actor, CONVERSATION_ROLES);
  const intro = await introductionForActor(db, actor, introductionId);
  if (!canTalk(actor)) throw new AppError('NOT_FOUND');
  // An organisation rejected after the introduction (an impostor found out, say) no longer
  // reads or writes it; the other side keeps its history.
  if (actor!.role !== 'FACILITATOR' && !(await ownSideVerified(db, actor!, intro.id))) throw new AppError('NOT_FOUND');
  return intro;
}

async function ownSideVerified(db: Client, actor: Actor, introductionId: string): Promise<boolean> {
  const row = await db.introduction.findUniqueOrThrow({
    where: { id: introductionId },
    select: { company: { select: { verificationStatus: true } }, need: { select: { municipality: { select: { verificationStatus: true } } } } },
  });
  const own = actor.role === 'COMPANY_REP' ? row.company.verificationStatus : row.need.municipality.verificationStatus;
  return own === 'VERIFIED';
}

export const canTalk = (actor: Actor): boolean => (CONVERSATION_ROLES as readonly string[]).includes(actor.role);

/** The side a message is written from, by the author's role (the access check ran before). */
export function sideOf(actor: Actor): MessageSide {
  if (actor.role === 'COMPANY_REP') return 'COMPANY';
  if (actor.role === 'MUNICIPALITY_REP') return 'MUNICIPALITY';
  return 'FACILITATOR';
}
