import type { HromadaNameKind } from '../generated/prisma/enums';
import { normaliseName, romaniseUkrainian } from './place-names';

// Every name a hromada is found by, from the reference files (prisma/reference/README.md,
// "Names"): the community's own (Одеська), its administrative centre's (Одеса), the national
// romanisation of both (Odeska, Odesa), COD-AB's English name where it is not that
// romanisation, older English spellings (Odessa) and Japanese usage (オデーサ), each with its source.

type Row = Record<string, string>;

export type HromadaNameRow = {
  hromadaCode: string;
  kind: HromadaNameKind;
  name: string;
  normalised: string;
  isCity: boolean;
  source: string;
};

export const NAME_SOURCES = {
  katottg: 'KATOTTG, edition of 16 May 2025',
  romanisation: 'Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 Jan 2010',
  codAb: 'OCHA COD-AB',
} as const;

/** The citations the name files refer to by key (their full text is in prisma/reference/README.md). */
const CITED: Record<string, string> = {
  'MOFA-2022-03-31': 'Ministry of Foreign Affairs of Japan, 31 Mar 2022 (change of Ukrainian place names)',
  'CSM-2022-03-29': 'The Christian Science Monitor, 29 Mar 2022 ("Kyiv, Odesa, and what’s in a name")',
  'FD-KIEV-OR-KYIV': 'foreigndocuments.com, "Kiev or Kyiv"',
};

const cite = (key: string): string => {
  const citation = CITED[key];
  if (!citation) throw new Error(`Unknown source ${key} in a hromada name file`);
  return citation;
};

/** A city's names come first among equal matches: Mykolaiv the city before Mykolaiv in Lviv oblast. */
const CITY_CATEGORIES = new Set(['M', 'K']);

export function buildHromadaNames(input: { hromadas: Row[]; centres: Row[]; english: Row[]; japanese: Row[] }): HromadaNameRow[] {
  const centres = new Map(input.centres.map((centre) => [centre.hromada_code, centre]));
  const known = new Set(input.hromadas.map((hromada) => hromada.code));
  const rows = new Map<string, HromadaNameRow>();
  const isCity = (code: string) => CITY_CATEGORIES.has(centres.get(code)?.centre_category ?? '');
  const add = (hromadaCode: string, kind: HromadaNameKind, name: string, source: string) => {
    if (!known.has(hromadaCode)) throw new Error(`A hromada name file names unknown hromada ${hromadaCode}`);
    const normalised = normaliseName(name);
    const key = `${hromadaCode}|${kind}|${normalised}`;
    if (normalised && !rows.has(key)) rows.set(key, { hromadaCode, kind, name, normalised, isCity: isCity(hromadaCode), source });
  };

  for (const hromada of input.hromadas) {
    const centre = centres.get(hromada.code);
    if (!centre) throw new Error(`No centre for hromada ${hromada.code}`);
    add(hromada.code, 'UK', hromada.name_uk, NAME_SOURCES.katottg);
    add(hromada.code, 'CENTRE', centre.centre_uk, NAME_SOURCES.katottg);
    const romanised = romaniseUkrainian(hromada.name_uk);
    add(hromada.code, 'ROMANISED', romanised, NAME_SOURCES.romanisation);
    add(hromada.code, 'ROMANISED', romaniseUkrainian(centre.centre_uk), NAME_SOURCES.romanisation);
    // COD-AB's English name where it differs (Zviahelska for Новоград-Волинська): people see it.
    if (normaliseName(hromada.name_en) !== normaliseName(romanised)) add(hromada.code, 'ENGLISH', hromada.name_en, NAME_SOURCES.codAb);
  }
  for (const row of input.english) add(row.hromada_code, 'ENGLISH', row.name_en, cite(row.source));
  for (const row of input.japanese) add(row.hromada_code, 'JAPANESE', row.name_ja, cite(row.source));
  return [...rows.values()];
}
