import { z } from 'zod';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { HromadaNameKind } from '../generated/prisma/enums';
import { isCleanText } from '../validation';
import { normaliseName, romaniseUkrainian } from './place-names';

// The official list, searchable by a municipality claiming its hromada (and by anyone looking
// for a place): by any of its names — Одеська, Одеса, Odeska, Odesa, Odessa, オデーサ — with
// the oblast to tell apart the many same-named communities.

export const hromadaSearchSchema = z.object({
  q: z.string().trim().min(2).max(80),
});

export type HromadaOption = {
  code: string;
  nameUk: string;
  nameEn: string;
  /** The administrative centre (Одеса) and its romanisation (Odesa). */
  centreUk: string;
  centreEn: string;
  /** The name that was found when it is none of the four above (オデーサ, Odessa), else null. */
  matchedName: string | null;
  matchedKind: HromadaNameKind | null;
  oblastUk: string;
  oblastEn: string;
  isClaimed: boolean;
};

// Prisma's `contains` becomes ILIKE '%term%' and leaves the term's own wildcards alone: a
// typed "%" or "_" would match anything. Escaped, they match themselves (backslash is
// PostgreSQL's default LIKE escape).
export const escapeLikePattern = (term: string): string => term.replace(/[\\%_]/g, (character) => `\\${character}`);

const RESULTS = 20;

type Found = { code: string; matchedName: string; matchedKind: HromadaNameKind };

/**
 * Hromadas by any of their names (lib/reference/hromada-names.ts), through the trigram index on
 * the search key: the exact name first, then names that start so, then a word that starts so,
 * then anywhere; among equals an oblast's centre first, then a city before a village, then
 * alphabetically.
 */
async function findByName(db: Db, key: string): Promise<Found[]> {
  const escaped = escapeLikePattern(key);
  const closeness = Prisma.sql`CASE WHEN n.normalised = ${key} THEN 0 WHEN n.normalised LIKE ${`${escaped}%`} THEN 1
    WHEN n.normalised LIKE ${`% ${escaped}%`} THEN 2 ELSE 3 END`;
  return db.$queryRaw<Found[]>`
    SELECT m.code, m."matchedName", m."matchedKind"
    FROM (
      SELECT n."hromadaCode" AS code, min(${closeness}) AS closeness, bool_or(n."isCity") AS "isCity",
             (array_agg(n.name ORDER BY ${closeness}, n.kind))[1] AS "matchedName",
             (array_agg(n.kind ORDER BY ${closeness}, n.kind))[1] AS "matchedKind"
      FROM "HromadaName" n
      WHERE n.normalised LIKE ${`%${escaped}%`}
      GROUP BY n."hromadaCode"
    ) m
    JOIN "Hromada" h ON h.code = m.code
    JOIN "Oblast" o ON o.code = h."oblastCode"
    -- An oblast is named for its centre (Одеська область, Одеса): the hromada named like its
    -- oblast holds the oblast's centre, and comes before a namesake town elsewhere.
    ORDER BY m.closeness, (h."nameUk" = o."nameUk") DESC, m."isCity" DESC, h."nameEn", h.code
    LIMIT ${RESULTS}`;
}

export async function searchHromadas(db: Db, query: unknown): Promise<HromadaOption[]> {
  const parsed = hromadaSearchSchema.safeParse(query);
  if (!parsed.success || !isCleanText(parsed.data.q)) return [];
  const key = normaliseName(parsed.data.q);
  if (!key) return [];
  const found = await findByName(db, key);
  const rows = await db.hromada.findMany({
    where: { code: { in: found.map((row) => row.code) } },
    select: {
      code: true, nameUk: true, nameEn: true,
      oblast: { select: { nameUk: true, nameEn: true } },
      names: { where: { kind: 'CENTRE' }, select: { name: true }, take: 1 },
      municipalities: { where: { verificationStatus: { not: 'REJECTED' } }, select: { id: true }, take: 1 },
    },
  });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return found.flatMap(({ code, matchedName, matchedKind }) => {
    const row = byCode.get(code);
    if (!row) return [];
    const centreUk = row.names[0]?.name ?? row.nameUk;
    const centreEn = romaniseUkrainian(centreUk);
    const shown = [row.nameUk, row.nameEn, centreUk, centreEn].map(normaliseName);
    const isShown = shown.includes(normaliseName(matchedName));
    return [{
      code: row.code,
      nameUk: row.nameUk,
      nameEn: row.nameEn,
      centreUk,
      centreEn,
      matchedName: isShown ? null : matchedName,
      matchedKind: isShown ? null : matchedKind,
      oblastUk: row.oblast.nameUk,
      oblastEn: row.oblast.nameEn,
      isClaimed: row.municipalities.length > 0, // a rejected claim frees the hromada
    }];
  });
}
