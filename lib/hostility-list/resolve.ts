import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { TerritoryLevel } from '../generated/prisma/enums';
import type { LineError, RowAction, TableRow } from './parse';

// Checks every row of a table against KATOTTG as the platform holds it (oblasts, raions and
// hromadas in their tables; a settlement by its hromada, whose code it starts with) and expands
// it into one period per hromada it covers, as docs/decisions/003 keeps them.

export type PeriodRow = {
  line: number;
  hromada_code: string;
  territory_code: string;
  territory_level: TerritoryLevel;
  territory_name: string;
  status: TableRow['status'];
  start_date: string;
  /** '' while in force. */
  end_date: string;
  action: RowAction;
};

type Reader = Pick<Db, 'oblast' | 'raion' | 'hromada' | 'katottgCodeChange'> | Prisma.TransactionClient;

/** A settlement's code shares its hromada's first nine characters (UA + oblast, raion, hromada). */
const hromadaKey = (code: string) => code.slice(0, 9);

export async function resolveRows(db: Reader, rows: TableRow[]): Promise<{ periods: PeriodRow[]; errors: LineError[] }> {
  const [oblasts, raions, hromadas, retired] = await Promise.all([
    db.oblast.findMany({ select: { code: true } }),
    db.raion.findMany({ select: { code: true } }),
    db.hromada.findMany({ select: { code: true, raionCode: true, oblastCode: true } }),
    db.katottgCodeChange.findMany({ select: { oldCode: true, newCode: true } }),
  ]);
  const oblastCodes = new Set(oblasts.map((o) => o.code));
  const raionCodes = new Set(raions.map((r) => r.code));
  const hromadaByCode = new Map(hromadas.map((h) => [h.code, h]));
  const hromadaByKey = new Map(hromadas.map((h) => [hromadaKey(h.code), h]));
  const successor = new Map(retired.map((c) => [c.oldCode, c.newCode]));

  const periods: PeriodRow[] = [];
  const errors: LineError[] = [];
  for (const row of rows) {
    const code = row.territoryCode;
    const retiredAs = successor.get(code) ?? (row.hromadaCode ? successor.get(row.hromadaCode) : undefined);
    if (retiredAs) {
      errors.push({ line: row.line, problem: 'retiredCode', value: `${code} → ${retiredAs}` });
      continue;
    }
    const level: TerritoryLevel | null = oblastCodes.has(code) && !hromadaByCode.has(code) ? 'OBLAST'
      : raionCodes.has(code) ? 'RAION'
        : hromadaByCode.has(code) ? 'HROMADA'
          : hromadaByKey.has(hromadaKey(code)) && code.slice(9, 12) !== '000' ? 'SETTLEMENT'
            : null;
    if (!level) {
      errors.push({ line: row.line, problem: 'unknownCode', value: code });
      continue;
    }
    if (row.territoryLevel && row.territoryLevel !== level) {
      errors.push({ line: row.line, problem: 'hromadaMismatch', value: `${code}: ${row.territoryLevel} ≠ ${level}` });
      continue;
    }
    const covered = level === 'OBLAST' ? hromadas.filter((h) => h.oblastCode === code)
      : level === 'RAION' ? hromadas.filter((h) => h.raionCode === code)
        : level === 'HROMADA' ? [hromadaByCode.get(code)!]
          : [hromadaByKey.get(hromadaKey(code))!];
    if (row.hromadaCode && !covered.some((h) => h.code === row.hromadaCode)) {
      errors.push({ line: row.line, problem: 'hromadaMismatch', value: `${row.hromadaCode} ∌ ${code}` });
      continue;
    }
    const hromadaCodes = row.hromadaCode ? [row.hromadaCode] : covered.map((h) => h.code);
    for (const hromada_code of hromadaCodes) {
      for (const period of row.periods) {
        periods.push({
          line: row.line, hromada_code, territory_code: code, territory_level: level, territory_name: row.territoryName,
          status: row.status, start_date: period.start, end_date: period.end, action: row.action,
        });
      }
    }
  }
  return { periods: errors.length ? [] : dedupe(periods, errors), errors };
}

/**
 * The published tables repeat a territory under several headings; identical rows count once.
 * Two rows for the same period that disagree (its end, or set vs removed) are an error.
 */
function dedupe(periods: PeriodRow[], errors: LineError[]): PeriodRow[] {
  const seen = new Map<string, PeriodRow>();
  for (const period of periods) {
    const key = periodKey(period);
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, period);
    else if (earlier.end_date !== period.end_date || earlier.action !== period.action) {
      errors.push({ line: period.line, problem: 'conflictingRows', value: String(earlier.line) });
    }
  }
  return errors.length ? [] : [...seen.values()];
}

export const periodKey = (p: Pick<PeriodRow, 'hromada_code' | 'territory_code' | 'status' | 'start_date'>) =>
  [p.hromada_code, p.territory_code, p.status, p.start_date].join('|');
