import { z } from 'zod';
import type { Db } from '../db';
import { isCleanText } from '../validation';

// The official list, searchable by a municipality claiming its hromada: in Ukrainian or in the
// romanised name, with the oblast to tell apart the many same-named communities.

export const hromadaSearchSchema = z.object({
  q: z.string().trim().min(2).max(80),
});

export type HromadaOption = {
  code: string;
  nameUk: string;
  nameEn: string;
  oblastUk: string;
  oblastEn: string;
  isClaimed: boolean;
};

// Prisma's `contains` becomes ILIKE '%term%' and leaves the term's own wildcards alone: a
// typed "%" or "_" would match anything. Escaped, they match themselves (backslash is
// PostgreSQL's default LIKE escape).
export const escapeLikePattern = (term: string): string => term.replace(/[\\%_]/g, (character) => `\\${character}`);

export async function searchHromadas(db: Db, query: unknown): Promise<HromadaOption[]> {
  const parsed = hromadaSearchSchema.safeParse(query);
  if (!parsed.success || !isCleanText(parsed.data.q)) return [];
  const term = escapeLikePattern(parsed.data.q);
  const rows = await db.hromada.findMany({
    where: { OR: [{ nameUk: { contains: term, mode: 'insensitive' } }, { nameEn: { contains: term, mode: 'insensitive' } }] },
    orderBy: [{ nameEn: 'asc' }],
    take: 20,
    select: { code: true, nameUk: true, nameEn: true, oblast: { select: { nameUk: true, nameEn: true } }, municipalities: { where: { verificationStatus: { not: 'REJECTED' } }, select: { id: true }, take: 1 } },
  });
  return rows.map((row) => ({
    code: row.code,
    nameUk: row.nameUk,
    nameEn: row.nameEn,
    oblastUk: row.oblast.nameUk,
    oblastEn: row.oblast.nameEn,
    isClaimed: row.municipalities.length > 0, // a rejected claim frees the hromada
  }));
}
