import { isStaff, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Locale, TextOrigin, TextSubject } from '../generated/prisma/enums';
import { digestOriginal } from './digest';
import { isAuthorOf, SUBJECTS, type SubjectOriginals } from './subjects';
import { translatableField } from './translation-schema';
import { writtenKey, type Written } from './types';

const LOCALES: readonly Locale[] = ['ja', 'uk', 'en'];

/** One translation as its editor sees it; `version` null while there is none yet. */
export type TranslationSlot = { locale: Locale; text: string; version: number | null; origin: TextOrigin | null; outdated: boolean };
export type EditableText = { written: Written; multiLine: boolean; max: number; slots: TranslationSlot[] };

/**
 * What the "add/edit translation" form of one subject shows: for each of its texts, the
 * translations into every other language. Null when this actor may not translate it (staff, and
 * members of the organisation that wrote it, may) — the same rule saveTranslation enforces.
 */
export async function readTranslationEditor(db: Db, actor: Actor | null, subject: TextSubject, subjectId: string, written: readonly Written[]): Promise<EditableText[] | null> {
  const [editor] = await readTranslationEditors(db, actor, subject, [{ subjectId, written }]);
  return editor ?? null;
}

/**
 * readTranslationEditor for many subjects of one kind at once (a conversation's messages), in
 * the order given: their originals in one query where the subject has loadMany, and their
 * translations in one more — not two queries a subject.
 */
export async function readTranslationEditors(
  db: Db, actor: Actor | null, subject: TextSubject, items: readonly { subjectId: string; written: readonly Written[] }[],
): Promise<(EditableText[] | null)[]> {
  const entry = SUBJECTS[subject];
  // Private texts (messages): staff outside their readers get no editor, as saveTranslation refuses them.
  if (!actor || items.length === 0 || !entry || (entry.readers && isStaff(actor) && !entry.readers.includes(actor.role))) return items.map(() => null);
  const ids = [...new Set(items.map((item) => item.subjectId))];
  const originals = entry.loadMany
    ? await entry.loadMany(db, ids)
    : new Map((await Promise.all(ids.map(async (id) => [id, await entry.load(db, id)] as const))).filter((pair): pair is [string, SubjectOriginals] => pair[1] !== null));
  const editable = new Set(ids.filter((id) => {
    const found = originals.get(id);
    return found !== undefined && (isStaff(actor) || isAuthorOf(actor, found));
  }));
  const rows = editable.size === 0 ? [] : await db.textTranslation.findMany({ where: { subject, subjectId: { in: [...editable] } } });
  const byKey = new Map(rows.map((row) => [`${writtenKey(row)}:${row.locale}`, row]));
  return items.map(({ subjectId, written }) => {
    if (!editable.has(subjectId)) return null;
    const mine = written.filter((item) => item.subject === subject && item.subjectId === subjectId && item.text !== '');
    return mine.flatMap((item) => {
      const rule = translatableField(item.subject, item.field);
      if (!rule) return [];
      const digest = digestOriginal(item.text);
      const slots = LOCALES.filter((locale) => locale !== item.language).map((locale): TranslationSlot => {
        const row = byKey.get(`${writtenKey(item)}:${locale}`);
        return row
          ? { locale, text: row.text, version: row.version, origin: row.origin, outdated: row.sourceDigest !== digest }
          : { locale, text: '', version: null, origin: null, outdated: false };
      });
      return [{ written: item, multiLine: rule.multiLine, max: rule.max, slots }];
    });
  });
}
