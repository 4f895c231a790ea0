import { isStaff, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Locale } from '../generated/prisma/enums';
import { introductionForActor } from '../follow-through/access';
import { readForReader } from '../content/read-for-reader';
import { readTranslationEditors } from '../content/translation-editor';
import type { Written } from '../content/types';
import { conversationFor } from './access';
import { messageBody } from './written';

// An introduction's conversation as one of its parties reads it: oldest first, each message in
// the reader's language when a translation exists (marked, with the original one click away).

export async function listIntroductionMessages(db: Db, actor: Actor | null, introductionId: string, reader: Locale) {
  const intro = await conversationFor(db, actor, introductionId);
  const rows = await db.introductionMessage.findMany({
    where: { introductionId: intro.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, side: true, body: true, language: true, createdAt: true, authorId: true, author: { select: { name: true } } },
  });
  const readable = await readForReader(db, rows.map(messageBody), reader);
  return rows.map((row, index) => ({
    id: row.id, side: row.side, createdAt: row.createdAt, authorName: row.author.name, isOwn: row.authorId === actor!.userId,
    written: messageBody(row), readable: readable[index],
  }));
}

/**
 * The hromada's contacts, for the company it was introduced to (and facilitators): the
 * introduction is what entitles a company to them. The hromada itself, and anyone else, gets null.
 */
export async function municipalityContactsFor(db: Db, actor: Actor | null, introductionId: string) {
  const intro = await introductionForActor(db, actor, introductionId);
  const entitled = isStaff(actor!) || (actor!.role === 'COMPANY_REP' && actor!.companyId === intro.companyId);
  if (!entitled) return null;
  // A hromada rejected since the introduction has no contacts to give: they may not be its own.
  return db.municipality.findFirst({ where: { id: intro.municipalityId, verificationStatus: 'VERIFIED' }, select: { contactName: true, contactEmail: true, contactPhone: true } });
}

/** For each message, the translation editor this reader may use (its author's side, facilitators), or null. */
export async function messageTranslationEditors(db: Db, actor: Actor, messages: readonly { id: string; written: Written }[]) {
  const editors = await readTranslationEditors(db, actor, 'MESSAGE', messages.map((message) => ({ subjectId: message.id, written: [message.written] })));
  return new Map(messages.map((message, index) => [message.id, editors[index]]));
}
