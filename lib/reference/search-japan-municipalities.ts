import { z } from 'zod';
import type { Db } from '../db';
import { toHiragana } from 'wanakana';
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

const RESULTS = 30;

// Long vowels written with a macron (Ōsaka, Tōkyō) are spelt out in kana one of two ways:
// おおさか (oo), とうきょう (ou). Both are tried.
const MACRON_SPELLINGS: Record<string, [string, string]> = {
  ā: ['aa', 'aa'], ī: ['ii', 'ii'], ū: ['uu', 'uu'], ē: ['ee', 'ei'], ō: ['oo', 'ou'], â: ['aa', 'aa'], î: ['ii', 'ii'], û: ['uu', 'uu'], ê: ['ee', 'ei'], ô: ['oo', 'ou'],
};
const ROMAJI = /^[a-zāīūēōâîûêô' -]+$/;

/**
 * The readings a query may stand for, in hiragana as the list has them: kana typed in either
 * script or width, or romaji (Osaka, oosaka, Ōsaka) turned into kana by wanakana — the
 * letters of a syllable not yet finished are left out.
 */
export function readingsOf(query: string): string[] {
  const text = query.normalize('NFKC').toLowerCase();
  if (!ROMAJI.test(text)) return [katakanaToHiragana(text)];
  const spellings = [0, 1].map((variant) => text.replace(/[āīūēōâîûêô]/g, (vowel) => MACRON_SPELLINGS[vowel][variant]));
  const readings = spellings.map((spelling) => toHiragana(spelling.replace(/[' -]/g, '')).replace(/[a-z].*$/, ''));
  return [...new Set(readings.filter((reading) => reading.length > 0))];
}

/** Latin letters without their marks: the list's English names carry none (Osaka, Chuo). */
const plainLatin = (query: string): string => query.normalize('NFKC').normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

export async function searchJapanMunicipalities(db: Db, query: unknown): Promise<JapanMunicipalityOption[]> {
  const parsed = japanMunicipalitySearchSchema.safeParse(query);
  if (!parsed.success || !isCleanText(parsed.data.q)) return [];
  const term = escapeLikePattern(parsed.data.q.normalize('NFKC'));
  const latin = plainLatin(parsed.data.q);
  const readings = readingsOf(parsed.data.q);
  const rows = await db.japanMunicipality.findMany({
    where: {
      kind: { not: 'PREFECTURE' },
      OR: [
        { nameJa: { contains: term } },
        ...readings.map((reading) => ({ nameKana: { contains: escapeLikePattern(reading) } })),
        { nameEn: { contains: escapeLikePattern(latin), mode: 'insensitive' as const } },
      ],
    },
    orderBy: [{ code: 'asc' }],
    take: 200,
    select: { code: true, prefectureCode: true, kind: true, nameJa: true, nameKana: true, nameEn: true, prefecture: { select: { nameJa: true, nameEn: true } } },
  });
  // The place whose name is what was typed (大阪市 for 大阪, おおさか or Osaka) before those that contain it.
  const isExact = (row: (typeof rows)[number]) =>
    row.nameJa.replace(/[市区町村]$/, '') === parsed.data.q || readings.includes(row.nameKana.replace(/(し|く|ちょう|まち|そん|むら)$/, '')) ||
    row.nameEn.toLowerCase() === latin.toLowerCase();
  const ranked = [...rows.filter(isExact), ...rows.filter((row) => !isExact(row))].slice(0, RESULTS);
  return ranked.map(({ prefecture, kind, ...row }) => ({
    ...row,
    kind: kind as JapanMunicipalityOption['kind'],
    prefectureJa: prefecture.nameJa,
    prefectureEn: prefecture.nameEn,
  }));
}
