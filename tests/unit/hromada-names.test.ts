import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildHromadaNames } from '../../lib/reference/hromada-names';

// The name files as shipped: every hromada has its names, and the hand-copied Japanese and
// English names sit on the hromada whose centre they name.

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(`prisma/reference/${file}`, 'utf8'), { columns: true, bom: true });
const files = {
  hromadas: read('hromadas.csv'),
  centres: read('hromada-centres.csv'),
  english: read('hromada-names-en.csv'),
  japanese: read('hromada-names-ja.csv'),
};

describe('hromada names', () => {
  it('give every hromada a centre, and its own, its centre’s and their romanised names', () => {
    const names = buildHromadaNames(files);
    expect(files.centres).toHaveLength(files.hromadas.length);
    for (const kind of ['UK', 'CENTRE', 'ROMANISED'] as const) {
      expect(new Set(names.filter((name) => name.kind === kind).map((name) => name.hromadaCode)).size, kind).toBe(files.hromadas.length);
    }
    expect(names.filter((name) => name.hromadaCode === 'UA51100270000073549').map((name) => `${name.kind} ${name.name}`).sort()).toEqual([
      'CENTRE Одеса', 'ENGLISH Odessa', 'JAPANESE オデッサ', 'JAPANESE オデーサ', 'ROMANISED Odesa', 'ROMANISED Odeska', 'UK Одеська',
    ]);
  });

  it('put each Japanese and English name on the hromada whose centre it names', () => {
    const centreOf = new Map(files.centres.map((centre) => [centre.hromada_code, centre.centre_uk]));
    for (const row of [...files.japanese, ...files.english]) expect(centreOf.get(row.hromada_code), row.hromada_code).toBe(row.centre_uk);
  });

  it('refuse a name for an unknown hromada or with an unknown source', () => {
    const japanese = files.japanese[0];
    expect(() => buildHromadaNames({ ...files, japanese: [{ ...japanese, hromada_code: 'UA99999999999999999' }] })).toThrow(/unknown hromada/);
    expect(() => buildHromadaNames({ ...files, japanese: [{ ...japanese, source: 'BLOG' }] })).toThrow(/Unknown source/);
  });
});
