import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Locale } from '../generated/prisma/enums';
import { readForReader } from '../content/read-for-reader';
import { readTranslationEditors, type EditableText } from '../content/translation-editor';
import type { Readable } from '../content/types';
import { responseReason } from './written-answer';

/**
 * The reasons of a need's answered interests in the reader's language (one query), each with the
 * translation editor this reader may use (the hromada that wrote it, facilitators), or null.
 */
export async function readAnswerReasons(
  db: Db,
  actor: Actor,
  interests: readonly { id: string; responseReason: string; responseLanguage: Locale | null }[],
  reader: Locale,
): Promise<Map<string, { readable: Readable; editor: EditableText[] | null }>> {
  const written = interests.flatMap((interest) => responseReason(interest) ?? []);
  const [readable, editors] = await Promise.all([
    readForReader(db, written, reader),
    readTranslationEditors(db, actor, 'INTEREST_RESPONSE', written.map((item) => ({ subjectId: item.subjectId, written: [item] }))),
  ]);
  return new Map(written.map((item, index) => [item.subjectId, { readable: readable[index], editor: editors[index] }]));
}
