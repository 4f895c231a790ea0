import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { normaliseName } from '../reference/place-names';
import { escapeLikePattern } from '../reference/search-hromadas';

// Keyword search over needs: a need is found by a word of its title or description as written,
// of any stored translation of them (TextTranslation, every language and origin), or of any name
// of its hromada (lib/reference/hromada-names.ts: Одеса, Odesa, Odessa, オデーサ …). Every word
// typed must be found, each anywhere. Texts are compared through the same fold as place names
// (SQL search_fold), by trigram indexes (migration 20261201183149_hromada_names).

const MAX_WORDS = 6;

/** The search keys of a query: one per word (a Japanese phrase without spaces is one word). */
export function keywordKeys(query: string): string[] {
  const keys = normaliseName(query).split(' ').filter(Boolean);
  return [...new Set(keys)].slice(0, MAX_WORDS);
}

function needsWith(key: string): Prisma.Sql {
  const pattern = `%${escapeLikePattern(key)}%`;
  return Prisma.sql`
    SELECT n.id FROM "Need" n WHERE search_fold(n.title) LIKE ${pattern} OR search_fold(n.description) LIKE ${pattern}
    UNION
    SELECT t."subjectId" FROM "TextTranslation" t WHERE t.subject = 'NEED' AND search_fold(t.text) LIKE ${pattern}
    UNION
    SELECT n.id FROM "Need" n
    WHERE n."hromadaCode" IN (SELECT h."hromadaCode" FROM "HromadaName" h WHERE h.normalised LIKE ${pattern})`;
}

/** The SQL of the ids of the needs that hold every word of the query (for EXPLAIN and for use). */
export function needIdsMatchingSql(keys: string[]): Prisma.Sql {
  return Prisma.join(keys.map((key) => Prisma.sql`(${needsWith(key)})`), ' INTERSECT ');
}

/** Ids of the needs (of any status: callers add their own conditions) matching every word. */
export async function findNeedIdsByKeywords(db: Db, query: string): Promise<string[]> {
  const keys = keywordKeys(query);
  if (keys.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>(needIdsMatchingSql(keys));
  return rows.map((row) => row.id);
}
