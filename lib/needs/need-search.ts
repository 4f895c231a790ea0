import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { normaliseName } from '../reference/place-names';
import { escapeLikePattern } from '../reference/search-hromadas';

// Keyword search over needs: a need is found by a word of its title or description as written,
// of any stored translation of them made from them as they are now (TextTranslation, every
// language and origin; an out-of-date one may hold words the need no longer says), or of any name
// of its hromada (lib/reference/hromada-names.ts: Одеса, Odesa, Odessa, オデーサ …). Every word
// typed must be found, each anywhere. Texts are compared through the same fold as place names
// (SQL search_fold), by trigram indexes (migration 20261201183149_hromada_names).

const MAX_WORDS = 6;
/**
 * Shorter words are left out, and the page says so: a trigram index holds nothing of a word of
 * one or two characters, so each such word read every title, description and translation (a
 * sequential scan of all needs per query, however many there are).
 */
export const MIN_KEYWORD_LENGTH = 3;

const foldedWords = (query: string): string[] => normaliseName(query).split(' ').filter(Boolean);
const isShort = (key: string) => [...key].length < MIN_KEYWORD_LENGTH;

/** The search keys of a query: one per word (a Japanese phrase without spaces is one word) long enough to search. */
export function keywordKeys(query: string): string[] {
  return [...new Set(foldedWords(query).filter((key) => !isShort(key)))].slice(0, MAX_WORDS);
}

/** The words of a query, as typed, that keywordKeys leaves out for being too short. */
export function shortKeywords(query: string): string[] {
  return query.split(/\s+/).filter((word) => {
    const keys = foldedWords(word);
    return keys.length > 0 && keys.every(isShort);
  });
}

function needsWith(key: string): Prisma.Sql {
  const pattern = `%${escapeLikePattern(key)}%`;
  return Prisma.sql`
    SELECT n.id FROM "Need" n WHERE search_fold(n.title) LIKE ${pattern} OR search_fold(n.description) LIKE ${pattern}
    UNION
    SELECT t."subjectId" FROM "TextTranslation" t JOIN "Need" n ON n.id = t."subjectId"
    WHERE t.subject = 'NEED' AND search_fold(t.text) LIKE ${pattern}
      -- Made from the original as it is now (lib/content/digest.ts): an older one may hold words it no longer has.
      AND t."sourceDigest" = encode(sha256(convert_to(CASE t.field WHEN 'title' THEN n.title ELSE n.description END, 'UTF8')), 'hex')
    UNION
    SELECT n.id FROM "Need" n
    WHERE n."hromadaCode" IN (SELECT h."hromadaCode" FROM "HromadaName" h WHERE h.normalised LIKE ${pattern})`;
}

/** The SQL of the ids of the needs that hold every word of the query (for EXPLAIN and for use). */
export function needIdsMatchingSql(keys: string[]): Prisma.Sql {
  return Prisma.join(keys.map((key) => Prisma.sql`(${needsWith(key)})`), ' INTERSECT ');
}

/**
 * Ids of the needs (of any status: callers add their own conditions) matching every word long
 * enough to search; null when there is none (no keyword filter at all).
 */
export async function findNeedIdsByKeywords(db: Db, query: string): Promise<string[] | null> {
  const keys = keywordKeys(query);
  if (keys.length === 0) return null;
  const rows = await db.$queryRaw<{ id: string }[]>(needIdsMatchingSql(keys));
  return rows.map((row) => row.id);
}
