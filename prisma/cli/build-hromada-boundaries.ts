/**
 * Derives public/maps/hromadas-<edition>.topojson, the hromada boundaries the interactive map
 * draws, from the OpenStreetMap extract republished in darmat1/ukraine-geo-data (its per-raion
 * files under geodata/, whose admin_level=7 features are the hromadas, each tagged with its
 * KATOTTG code `katotth`; see prisma/reference/README.md). Run by hand when the source changes:
 *
 *   npm run map:boundaries:build -- <folder holding the *_rayon.geojson files> <edition, YYYY-MM-DD>
 *
 * Kept per hromada: its code and its names from hromadas.csv (Ukrainian, and the romanised
 * English name shown to readers of Japanese and English); statuses and needs come from the
 * database with the page. Simplified to 10 % of the vertices (Visvalingam, shapes kept) and quantised: ~1.0 MB, ~0.3 MB
 * gzipped, against ~30 MB in the source. The edition is in the file name, so the file can be
 * cached for a year (next.config.js) and a new edition is a new URL.
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
// mapshaper has no type declarations; only runCommands is used.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore
import mapshaper from 'mapshaper';

const [sourceDir, edition] = process.argv.slice(2);
if (!sourceDir || !/^\d{4}-\d{2}-\d{2}$/.test(edition ?? '')) {
  throw new Error('usage: npm run map:boundaries:build -- <folder of *_rayon.geojson> <edition YYYY-MM-DD>');
}

type SourceFeature = { type: 'Feature'; properties: Record<string, string | undefined>; geometry: unknown };

const hromadas = parse(readFileSync(path.resolve('prisma/reference/hromadas.csv'), 'utf8'), { columns: true }) as { code: string; name_uk: string; name_en: string }[];
const names = new Map(hromadas.map((row) => [row.code, { nameUk: row.name_uk, nameEn: row.name_en }]));

const features: SourceFeature[] = [];
const seen = new Set<string>();
for (const file of readdirSync(sourceDir).filter((name) => name.endsWith('_rayon.geojson')).sort()) {
  const collection = JSON.parse(readFileSync(path.join(sourceDir, file), 'utf8')) as { features: SourceFeature[] };
  for (const feature of collection.features) {
    const code = feature.properties.katotth;
    if (feature.properties.admin_level !== '7' || !code || seen.has(code)) continue;
    const name = names.get(code);
    if (!name) throw new Error(`${file}: ${code} is not a hromada of prisma/reference/hromadas.csv`);
    seen.add(code);
    features.push({ type: 'Feature', properties: { code, ...name }, geometry: feature.geometry });
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'hromada-boundaries-'));
const merged = path.join(work, 'hromadas.json');
writeFileSync(merged, JSON.stringify({ type: 'FeatureCollection', features }));
const output = path.resolve(`public/maps/hromadas-${edition}.topojson`);
await mapshaper.runCommands(
  `-i ${merged} name=hromadas -simplify 10% keep-shapes -clean -o ${output} format=topojson quantization=100000`,
);
console.log(`${features.length} hromadas with a boundary, ${names.size - features.length} drawn as points → ${output}`);
