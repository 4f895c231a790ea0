import { isStaff, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Locale } from '../generated/prisma/enums';
import { introductionForActor } from '../follow-through/access';
import { conversationFor } from './access';

// An introduction's conversation as one of its parties reads it: oldest first, each message in
// the reader's language when a translation exists (marked, with the original one click away).

export async function listIntroductionMessages(db: Db, actor: Actor | null, introductionId: string, reader: Locale) {
  const intro = await conversationFor(db, actor, introductionId);
  const rows = await db.introductionMessage.findMany({
    where: { introductionId: intro.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, side: true, body: true, language: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  });
  void reader;
  return rows.map((row) => ({ id: row.id, side: row.side, createdAt: row.createdAt, authorName: row.author.name, isOwn: row.authorId === actor!.userId, body: row.body, language: row.language }));
}

/**
 * The hromada's contacts, for the company it was introduced to (and facilitators): the
 * introduction is what entitles a company to them. The hromada itself, and anyone else, gets null.
 */
export async function municipalityContactsFor(db: Db, actor: Actor | null, introductionId: string) {
  const intro = await introductionForActor(db, actor, introductionId);
  const entitled = isStaff(actor!) || (actor!.role === 'COMPANY_REP' && actor!.companyId === intro.companyId);
  if (!entitled) return null;
  return db.municipality.findUniqueOrThrow({ where: { id: intro.municipalityId }, select: { contactName: true, contactEmail: true, contactPhone: true } });
}
