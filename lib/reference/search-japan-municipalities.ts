import { z } from 'zod';
import type { Db } from '../db';
import { isCleanText } from '../validation';
import { escapeLikePattern } from './search-hromadas';

// The official list of Japanese local governments (全国地方公共団体コード), searchable by a
// company placing itself: in kanji (横浜), in kana (よこはま or ヨコハマ) or in romaji
// (Yokohama). Wards of designated cities are listed with their city ("横浜市中区"), so "中区"
// finds every Naka ward with the city that tells them apart.

export const japanMunicipalitySearchSchema = z.object({
  q: z.string().trim().min(1).max(40),
});

export type JapanMunicipalityOption = {
  code: string;
  prefectureCode: string;
  kind: 'DESIGNATED_CITY' | 'MUNICIPALITY' | 'WARD';
  nameJa: string;
  nameKana: string;
  nameEn: string;
  prefectureJa: string;
  prefectureEn: string;
};

/** The list's readings are hiragana; a reading typed in katakana is the same reading. */
export const katakanaToHiragana = (text: string): string =>
  text.replace(/[\u30a1-\u30f6]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0x60));

export async function searchJapanMunicipalities(db: Db, query: unknown): Promise<JapanMunicipalityOption[]> {
  const parsed = japanMunicipalitySearchSchema.safeParse(query);
  if (!parsed.success || !isCleanText(parsed.data.q)) return [];
  const term = escapeLikePattern(parsed.data.q);
  const reading = escapeLikePattern(katakanaToHiragana(parsed.data.q));
  const rows = await db.japanMunicipality.findMany({
    where: {
      kind: { not: 'PREFECTURE' },
      OR: [
        { nameJa: { contains: term } },
        { nameKana: { contains: reading } },
        { nameEn: { contains: term, mode: 'insensitive' } },
      ],
    },
    orderBy: [{ code: 'asc' }],
    take: 30,
    select: { code: true, prefectureCode: true, kind: true, nameJa: true, nameKana: true, nameEn: true, prefecture: { select: { nameJa: true, nameEn: true } } },
  });
  return rows.map(({ prefecture, kind, ...row }) => ({
    ...row,
    kind: kind as JapanMunicipalityOption['kind'],
    prefectureJa: prefecture.nameJa,
    prefectureEn: prefecture.nameEn,
  }));
}
