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
 * A trigram index holds nothing of a word of one or two characters, so such a word alone would
 * read every title, description and translation. It is searched only beside a longer word, among
 * the needs that word found; a query of short words alone is left out, and the page says so.
 */
export const MIN_KEYWORD_LENGTH = 3;

const foldedWords = (query: string): string[] => [...new Set(normaliseName(query).split(' ').filter(Boolean))];
const isShort = (key: string) => [...key].length < MIN_KEYWORD_LENGTH;

/** The search keys of a query: one per word (a Japanese phrase without spaces is one word), longer words first. */
export function keywordKeys(query: string): { long: string[]; short: string[] } {
  const keys = foldedWords(query).slice(0, MAX_WORDS);
  const long = keys.filter((key) => !isShort(key));
  return { long, short: long.length > 0 ? keys.filter(isShort) : [] };
}

/** The words of a query, as typed, that the search leaves out: short words with no longer word beside them. */
export function shortKeywords(query: string): string[] {
  if (keywordKeys(query).long.length > 0) return [];
  return query.split(/\s+/).filter((word) => foldedWords(word).length > 0);
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

/** Whether the need `id` (an outer column) holds `key`: the same places as needsWith, read for one need. */
function needHolds(key: string, id: Prisma.Sql): Prisma.Sql {
  const pattern = `%${escapeLikePattern(key)}%`;
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "Need" n WHERE n.id = ${id} AND (search_fold(n.title) LIKE ${pattern} OR search_fold(n.description) LIKE ${pattern}
      OR EXISTS (SELECT 1 FROM "HromadaName" h WHERE h."hromadaCode" = n."hromadaCode" AND h.normalised LIKE ${pattern})))
    OR EXISTS (SELECT 1 FROM "TextTranslation" t JOIN "Need" n ON n.id = t."subjectId"
      WHERE t.subject = 'NEED' AND t."subjectId" = ${id} AND search_fold(t.text) LIKE ${pattern}
        AND t."sourceDigest" = encode(sha256(convert_to(CASE t.field WHEN 'title' THEN n.title ELSE n.description END, 'UTF8')), 'hex')))`;
}

/** The SQL of the ids of the needs that hold every word of the query (for EXPLAIN and for use). */
export function needIdsMatchingSql({ long, short }: { long: string[]; short: string[] }): Prisma.Sql {
  const found = Prisma.join(long.map((key) => Prisma.sql`(${needsWith(key)})`), ' INTERSECT ');
  if (short.length === 0) return found;
  const id = Prisma.raw('found.id');
  return Prisma.sql`SELECT found.id FROM (${found}) AS found(id) WHERE ${Prisma.join(short.map((key) => needHolds(key, id)), ' AND ')}`;
}

/**
 * Ids of the needs (of any status: callers add their own conditions) matching every word of the
 * query; null when no word can be searched (no keyword filter at all).
 */
export async function findNeedIdsByKeywords(db: Db, query: string): Promise<string[] | null> {
  const keys = keywordKeys(query);
  if (keys.long.length === 0) return null;
  const rows = await db.$queryRaw<{ id: string }[]>(needIdsMatchingSql(keys));
  return rows.map((row) => row.id);
}
