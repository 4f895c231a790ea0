import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

// The committed reference files are what production loads; these checks guard their shape.

const read = (file: string): Record<string, string>[] =>
  parse(readFileSync(`prisma/reference/${file}`, 'utf8'), { columns: true, bom: true });

const hromadas = read('hromadas.csv');
const codes = new Set(hromadas.map((h) => h.code));

describe('reference files', () => {
  it('hold every hromada of the classifier plus Kyiv and Sevastopol, each once', () => {
    expect(hromadas.filter((h) => h.kind === 'TERRITORIAL_COMMUNITY')).toHaveLength(1772);
    expect(hromadas.filter((h) => h.kind === 'SPECIAL_STATUS_CITY').map((h) => h.name_en).sort()).toEqual(['Kyiv', 'Sevastopol']);
    expect(codes.size).toBe(hromadas.length);
  });

  it('give every hromada a Ukrainian and an English name and a position in Ukraine', () => {
    for (const h of hromadas) {
      expect(h.name_uk, h.code).toMatch(/\p{Script=Cyrillic}/u);
      expect(h.name_en, h.code).toMatch(/^[A-Za-z' -]+$/);
      expect(Number(h.latitude), h.code).toBeGreaterThan(44);
      expect(Number(h.latitude), h.code).toBeLessThan(53);
      expect(Number(h.longitude), h.code).toBeGreaterThan(22);
      expect(Number(h.longitude), h.code).toBeLessThan(41);
    }
  });

  it('attach every hostility period to a known hromada with ISO dates', () => {
    const periods = read('hostility-periods.csv');
    expect(periods.length).toBeGreaterThan(3000);
    for (const p of periods) {
      expect(codes.has(p.hromada_code), p.hromada_code).toBe(true);
      expect(p.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.end_date).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      if (p.end_date) expect(p.end_date >= p.start_date, `${p.territory_code} ${p.start_date}`).toBe(true);
    }
  });

  it('list the 47 prefectures by JIS X 0401 code and sister cities at real hromadas', () => {
    const prefectures = read('prefectures.csv');
    expect(prefectures.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')));
    const sisterCities = read('sister-cities.csv');
    const japan = read('japan-municipalities.csv');
    const oblasts = read('oblasts.csv');
    expect(sisterCities.map((s) => `${japan.find((j) => j.code === s.japan_code)?.name_en}–${(hromadas.find((h) => h.code === s.hromada_code) ?? oblasts.find((o) => o.code === s.oblast_code))?.name_en}`))
      .toEqual(['Kyoto–Kyiv', 'Yokohama–Odeska', 'Kanagawa–Odesa']);
    for (const tie of sisterCities) {
      // Every tie names the public page that documents it, and its kind fits its two sides.
      expect(tie.source_url).toMatch(/^https:\/\//);
      expect(tie.agreement_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const side = japan.find((j) => j.code === tie.japan_code)!;
      expect(side.kind).toBe(tie.kind === 'PREFECTURE' ? 'PREFECTURE' : 'DESIGNATED_CITY');
      expect(tie.kind === 'PREFECTURE' ? tie.oblast_code : tie.hromada_code).not.toBe('');
    }
  });

  it('list Japan\'s local governments by their 6-digit code with a valid check digit, each ward with its city', () => {
    const japan = read('japan-municipalities.csv');
    expect(japan).toHaveLength(1969);
    const byCode = new Map(japan.map((j) => [j.code, j]));
    for (const row of japan) {
      // 全国地方公共団体コード: 5 digits and a check digit, 11 − (Σ digit × (6,5,4,3,2)) mod 11, last digit.
      const sum = [...row.code.slice(0, 5)].reduce((total, digit, i) => total + Number(digit) * (6 - i), 0);
      expect(Number(row.code[5]), row.code).toBe((11 - (sum % 11)) % 10);
      expect(row.prefecture_code).toBe(row.code.slice(0, 2));
      if (row.kind === 'WARD') expect(byCode.get(row.city_code)?.kind, row.code).toBe('DESIGNATED_CITY');
      if (row.kind !== 'PREFECTURE' && row.kind !== 'WARD') expect(row.city_code).toBe(row.code);
      expect(row.name_en, row.code).toMatch(/^[A-Z][A-Za-z' ,-]+$/);
    }
  });
});
