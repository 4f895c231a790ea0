import type { Db } from '../db';
import type { Locale } from '../generated/prisma/enums';
import type { Prisma } from '../generated/prisma/client';
import { digestOriginal } from './digest';
import { writtenKey, type Readable, type Written } from './types';

type Reader = Pick<Db | Prisma.TransactionClient, 'textTranslation'>;

/**
 * The texts in the reader's language where a translation exists, else as written: ONE query for
 * the whole batch (a page reads every need title of a list at once), none when everything is
 * already in the reader's language. Results are in the order of `written`.
 */
export async function readForReader(db: Reader, written: readonly Written[], reader: Locale): Promise<Readable[]> {
  const foreign = written.filter((item) => item.language !== reader && item.text !== '');
  const translations = foreign.length === 0
    ? []
    : await db.textTranslation.findMany({
        where: { locale: reader, subjectId: { in: [...new Set(foreign.map((item) => item.subjectId))] } },
        select: { subject: true, subjectId: true, field: true, text: true, origin: true, provider: true, sourceDigest: true },
      });
  const byKey = new Map(translations.map((row) => [writtenKey(row), row]));
  return written.map((item) => {
    const original = { text: item.text, language: item.language };
    const found = item.language === reader ? undefined : byKey.get(writtenKey(item));
    const outdated = found !== undefined && found.sourceDigest !== digestOriginal(item.text);
    // A person's translation of an older original is still their word, shown as out of date; a
    // machine's is not shown at all (it would pass for current): the original is, until the
    // machine translates the new text (queued when the original changed).
    if (!found || item.text === '' || (outdated && found.origin === 'MACHINE')) return { text: item.text, language: item.language, original, translation: null };
    return {
      text: found.text,
      language: reader,
      original,
      translation: { origin: found.origin, provider: found.provider, outdated },
    };
  });
}

/** One text, for pages that show a single one; prefer the batch form for lists. */
export async function readOneForReader(db: Reader, written: Written, reader: Locale): Promise<Readable> {
  const [readable] = await readForReader(db, [written], reader);
  return readable!;
}

/** The batch as a lookup by writtenKey (subject:subjectId:field), for lists that render rows apart. */
export async function readForReaderByKey(db: Reader, written: readonly Written[], reader: Locale): Promise<Map<string, Readable>> {
  const readable = await readForReader(db, written, reader);
  return new Map(written.map((item, index) => [writtenKey(item), readable[index]!]));
}
