/**
 * Derives prisma/reference/*.csv from the official sources in ../shared/data (see
 * prisma/reference/README.md). Run by hand when a source is updated; the app loads only the
 * derived files, so it never needs ../shared at run time.
 *
 *   npx tsx prisma/cli/build-reference-data.ts [path/to/shared/data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { splitPeriods } from '../../lib/reference/hostility-periods';

const sourceDir = path.resolve(process.argv[2] ?? '../shared/data');
const outDir = path.resolve('prisma/reference');

type Row = Record<string, string>;
const readCsv = (file: string, delimiter = ','): Row[] =>
  parse(readFileSync(path.join(sourceDir, file), 'utf8'), { columns: true, delimiter, bom: true, trim: true });
const writeCsv = (file: string, rows: Row[]) =>
  writeFileSync(path.join(outDir, file), stringify(rows, { header: true }));

// Oblast names in English follow the national romanisation used by OCHA's COD-AB.
const OBLAST_NAMES_EN: Record<string, string> = {
  UA01: 'Autonomous Republic of Crimea', UA05: 'Vinnytsia', UA07: 'Volyn', UA12: 'Dnipropetrovsk',
  UA14: 'Donetsk', UA18: 'Zhytomyr', UA21: 'Zakarpattia', UA23: 'Zaporizhzhia', UA26: 'Ivano-Frankivsk',
  UA32: 'Kyiv', UA35: 'Kirovohrad', UA44: 'Luhansk', UA46: 'Lviv', UA48: 'Mykolaiv', UA51: 'Odesa',
  UA53: 'Poltava', UA56: 'Rivne', UA59: 'Sumy', UA61: 'Ternopil', UA63: 'Kharkiv', UA65: 'Kherson',
  UA68: 'Khmelnytskyi', UA71: 'Cherkasy', UA73: 'Chernivtsi', UA74: 'Chernihiv', UA80: 'Kyiv',
  UA85: 'Sevastopol',
};

// Six Crimean hromadas of Bakhchysarai raion have no COD-AB row; their names are romanised
// here by the 2010 national rules, and their position is the raion's centroid.
const MISSING_ENGLISH: Record<string, string> = {
  UA01020010000048857: 'Andriivska', UA01020070000057731: 'Verkhnosadivska',
  UA01020210000031011: 'Inkermanska', UA01020230000086125: 'Kachynska',
  UA01020310000028500: 'Orlynivska', UA01020430000077222: 'Ternivska',
};

// Misspellings in COD-AB's English names, corrected to the official romanisation of the
// KATOTTG name (prisma/reference/README.md, "Corrections"); tests/unit/hromada-english-names.test.ts
// holds every other difference as an explained exception.
const ENGLISH_CORRECTIONS: Record<string, { from: string; to: string }> = {
  // Новодунаєвецька: COD-AB dropped the "d" of Novodunaievetska, hiding the hromada from a search.
  UA68020170000033495: { from: 'Novounaievetska', to: 'Novodunaievetska' },
};

const STATUS: Record<string, string> = {
  possible_hostilities: 'POSSIBLE_HOSTILITIES',
  active_hostilities: 'ACTIVE_HOSTILITIES',
  active_hostilities_with_state_services: 'ACTIVE_HOSTILITIES_WITH_STATE_SERVICES',
  temporarily_occupied: 'TEMPORARILY_OCCUPIED',
};

function correctedEnglish(code: string, name: string | undefined): string | undefined {
  const correction = ENGLISH_CORRECTIONS[code];
  if (!correction || name === undefined) return name;
  if (name !== correction.from) throw new Error(`${code}: COD-AB now says ${name}; review ENGLISH_CORRECTIONS`);
  return correction.to;
}

const katottg = parse(readFileSync(path.join(sourceDir, 'ua-katottg-2025-05-16.csv'), 'utf8'), {
  delimiter: ';', from_line: 2, bom: true, relax_column_count: true,
}) as string[][];
const codHromadas = new Map(readCsv('ua-hromadas-cod-ab.csv').map((r) => [r.cod_code, r]));
const codRaions = new Map(readCsv('ua-raions-cod-ab.csv').map((r) => [r.cod_code, r]));

const oblasts: Row[] = [];
/** Each hromada's administrative centre: the settlement KATOTTG lists first in it (see README). */
const centres: Row[] = [];
const raions: Row[] = [];
const hromadas: Row[] = [];
/** Every code in the classifier → the hromada it belongs to and its level. */
const territory = new Map<string, { level: string; hromada?: string; raion?: string; oblast: string }>();

for (const [l1, l2, l3, l4, extra, category, rawName] of katottg) {
  const name = rawName.trim();
  if (category === 'O' || category === 'K') {
    oblasts.push({ code: l1, kind: category === 'K' ? 'SPECIAL_STATUS_CITY' : l1.startsWith('UA01') ? 'AUTONOMOUS_REPUBLIC' : 'OBLAST', name_uk: name, name_en: OBLAST_NAMES_EN[l1.slice(0, 4)] });
    territory.set(l1, { level: 'OBLAST', oblast: l1 });
  }
  if (category === 'K') {
    // Kyiv and Sevastopol are their own community in KATOTTG (levels 2–4 repeat the code).
    const cod = codHromadas.get(l1.slice(0, 9))!;
    hromadas.push({ code: l1, raion_code: '', oblast_code: l1, kind: 'SPECIAL_STATUS_CITY', name_uk: name, name_en: cod.name_en, latitude: cod.lat, longitude: cod.lon });
    centres.push({ hromada_code: l1, centre_code: l1, centre_category: 'K', centre_uk: name });
    territory.set(l1, { level: 'HROMADA', hromada: l1, oblast: l1 });
  }
  if (category === 'P') {
    const cod = codRaions.get(l2.slice(0, 6));
    raions.push({ code: l2, oblast_code: l1, name_uk: name, name_en: cod?.name_en ?? '' });
    territory.set(l2, { level: 'RAION', raion: l2, oblast: l1 });
  }
  if (category === 'H') {
    const cod = codHromadas.get(l3.slice(0, 9));
    const raionCentroid = codRaions.get(l2.slice(0, 6))!;
    hromadas.push({
      code: l3, raion_code: l2, oblast_code: l1, kind: 'TERRITORIAL_COMMUNITY', name_uk: name,
      name_en: correctedEnglish(l3, cod?.name_en) ?? MISSING_ENGLISH[l3],
      latitude: cod?.lat ?? raionCentroid.lat, longitude: cod?.lon ?? raionCentroid.lon,
    });
    territory.set(l3, { level: 'HROMADA', hromada: l3, raion: l2, oblast: l1 });
  }
  // The administrative centre comes first among a hromada's settlements: number 001 at level 4.
  if (category !== 'H' && l3 && l4 && !extra && l4.slice(9, 12) === '001' && !centres.some((c) => c.hromada_code === l3)) {
    centres.push({ hromada_code: l3, centre_code: l4, centre_category: category, centre_uk: name });
  }
  if (l4 && !extra && !territory.has(l4)) {
    territory.set(l4, { level: 'SETTLEMENT', hromada: l3, raion: l2, oblast: l1 });
  }
}

const withoutCentre = hromadas.filter((h) => !centres.some((c) => c.hromada_code === h.code));
if (withoutCentre.length) throw new Error(`No settlement 001 (centre) in ${withoutCentre.map((h) => h.code).join(', ')}`);

const missingEnglish = [...raions, ...hromadas].filter((r) => !r.name_en);
if (missingEnglish.length) throw new Error(`No English name for ${missingEnglish.map((r) => r.code).join(', ')}`);

const periods: Row[] = [];
for (const row of readCsv('ua-hostilities-order-376.csv')) {
  const place = territory.get(row.katottg);
  if (!place) throw new Error(`Hostilities list names unknown code ${row.katottg}`);
  const affected = hromadas.filter((h) =>
    place.level === 'OBLAST' ? h.oblast_code === place.oblast
      : place.level === 'RAION' ? h.raion_code === place.raion
        : h.code === place.hromada);
  for (const h of affected) {
    for (const period of splitPeriods(row.start_date, row.end_date)) {
      periods.push({
        hromada_code: h.code, territory_code: row.katottg, territory_level: place.level,
        territory_name: row.name_uk, status: STATUS[row.category],
        start_date: period.start, end_date: period.end,
      });
    }
  }
}
const unique = new Map(periods.map((p) => [[p.hromada_code, p.territory_code, p.status, p.start_date].join('|'), p]));

writeCsv('oblasts.csv', oblasts);
writeCsv('raions.csv', raions);
writeCsv('hromadas.csv', hromadas);
writeCsv('hostility-periods.csv', [...unique.values()]);
// Прип’ять and Чорнобиль (exclusion zone) sit directly under Kyiv oblast, in no hromada.
writeCsv('hromada-centres.csv', centres.filter((c) => hromadas.some((h) => h.code === c.hromada_code)));
console.log(`${oblasts.length} oblasts, ${raions.length} raions, ${hromadas.length} hromadas, ${unique.size} hostility periods (from ${periods.length})`);
