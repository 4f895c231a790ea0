import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { romaniseUkrainian } from '../../lib/reference/place-names';

// Every English hromada name (OCHA COD-AB, via prisma/reference/hromadas.csv) is the national
// romanisation of its Ukrainian name, or a known difference explained here. A new misspelling
// in a regenerated file fails this test instead of hiding a hromada.

const KNOWN_DIFFERENCES: Record<string, { en: string; why: string }> = {
  UA18040610000049084: { en: 'Chudniv', why: 'COD-AB names Чуднівська by its centre, Чуднів' },
  UA18080150000022496: { en: 'Zviahelska', why: 'COD-AB uses the centre’s new name (Новоград-Волинський became Звягель in 2022); KATOTTG keeps the community’s old name' },
  UA21100070000018509: { en: 'Dubrynytska-Malobereznianska', why: 'COD-AB writes the first part as an adjective (Дубриницька), KATOTTG as the compound form Дубриницько-' },
  UA26080110000076323: { en: 'Mateievetska', why: 'COD-AB spelling (Матеївецька romanises as Mateivetska); found by the romanisation too' },
  UA32040110000047477: { en: 'Pereiaslavcska', why: 'COD-AB spelling (stray "c"); found by the romanisation Pereiaslavska too' },
  UA35040210000014072: { en: 'Kropyvnytskyi', why: 'COD-AB names Кропивницька by its centre, Кропивницький' },
};

type Row = { code: string; name_uk: string; name_en: string };
const rows = parse(readFileSync('prisma/reference/hromadas.csv', 'utf8'), { columns: true, bom: true }) as Row[];

describe('English hromada names', () => {
  it('are the official romanisation of the Ukrainian name, or a known and explained difference', () => {
    const differences = Object.fromEntries(
      rows.filter((row) => romaniseUkrainian(row.name_uk) !== row.name_en).map((row) => [row.code, row.name_en]),
    );
    expect(differences).toEqual(Object.fromEntries(Object.entries(KNOWN_DIFFERENCES).map(([code, known]) => [code, known.en])));
  });

  it('spell Новодунаєвецька as Novodunaievetska (COD-AB dropped the "d"; corrected, see prisma/reference/README.md)', () => {
    expect(rows.find((row) => row.name_uk === 'Новодунаєвецька')?.name_en).toBe('Novodunaievetska');
  });
});
