import { parse } from 'csv-parse/sync';
import type { HostilityStatus, TerritoryLevel } from '../generated/prisma/enums';
import { splitPeriods, type Period } from '../reference/hostility-periods';

// Reads a hostilities table in either accepted form (prisma/reference/README.md, "Loading an
// edition or an amendment"): the platform's own (prisma/reference/hostility-periods.csv) or the
// Ministry's (one row per territory named in the order, its category and dd.mm.yyyy dates).
// Pure: checking the codes against KATOTTG is lib/hostility-list/resolve.ts.

export type RowAction = 'SET' | 'REMOVE';

export type TableRow = {
  /** Line of the file (the header is line 1), for messages. */
  line: number;
  territoryCode: string;
  /** Given by the platform's form; derived from KATOTTG otherwise. */
  hromadaCode: string | null;
  territoryLevel: TerritoryLevel | null;
  territoryName: string;
  status: Exclude<HostilityStatus, 'NONE'>;
  periods: Period[];
  action: RowAction;
};

export type LineError = { line: number; problem: LineErrorReason; value?: string };
export type LineErrorReason =
  | 'unknownColumns' | 'emptyTable' | 'badCode' | 'unknownCode' | 'retiredCode' | 'badStatus' | 'badDate'
  | 'badAction' | 'missingName' | 'conflictingRows' | 'removesNothing' | 'hromadaMismatch' | 'unreadable';

const CODE = /^UA\d{17}$/;

/** Column names → the field they fill; the Ukrainian headings are the Ministry's. */
const COLUMNS: Record<string, keyof RawRow> = {
  territory_code: 'code', katottg: 'code', 'код': 'code', 'код кодифікатора': 'code', 'код катоттг': 'code',
  hromada_code: 'hromada',
  territory_level: 'level',
  territory_name: 'name', name_uk: 'name', 'найменування': 'name', 'найменування території': 'name', 'назва': 'name',
  status: 'status', category: 'status', 'категорія': 'status',
  start_date: 'start', 'дата початку': 'start', 'дата виникнення': 'start',
  end_date: 'end', 'дата завершення': 'end', 'дата припинення': 'end',
  action: 'action', 'дія': 'action',
  oblast: 'ignored', 'область': 'ignored', '№': 'ignored', '№ з/п': 'ignored',
};
type RawRow = { code: string; hromada: string; level: string; name: string; status: string; start: string; end: string; action: string; ignored: string };

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

const STATUSES: Record<string, TableRow['status']> = {
  possible_hostilities: 'POSSIBLE_HOSTILITIES',
  active_hostilities: 'ACTIVE_HOSTILITIES',
  active_hostilities_with_state_services: 'ACTIVE_HOSTILITIES_WITH_STATE_SERVICES',
  temporarily_occupied: 'TEMPORARILY_OCCUPIED',
  'можливі бойові дії': 'POSSIBLE_HOSTILITIES',
  'активні бойові дії': 'ACTIVE_HOSTILITIES',
  'активні бойові дії, на яких функціонують державні електронні інформаційні ресурси': 'ACTIVE_HOSTILITIES_WITH_STATE_SERVICES',
  'тимчасово окуповані': 'TEMPORARILY_OCCUPIED',
  'тимчасово окупована': 'TEMPORARILY_OCCUPIED',
};
const LEVELS: ReadonlySet<string> = new Set(['OBLAST', 'RAION', 'HROMADA', 'SETTLEMENT']);
const ACTIONS: Record<string, RowAction> = { '': 'SET', set: 'SET', add: 'SET', change: 'SET', remove: 'REMOVE', 'виключити': 'REMOVE', 'додати': 'SET', 'змінити': 'SET' };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function readPeriods(start: string, end: string): Period[] | null {
  if (ISO.test(start.trim()) && (end.trim() === '' || ISO.test(end.trim()))) {
    const period = { start: start.trim(), end: end.trim() };
    return isRealDate(period.start) && (period.end === '' || (isRealDate(period.end) && period.end >= period.start)) ? [period] : null;
  }
  try {
    const periods = splitPeriods(start, end);
    return periods.every((p) => isRealDate(p.start) && (p.end === '' || (isRealDate(p.end) && p.end >= p.start))) ? periods : null;
  } catch {
    return null;
  }
}
const isRealDate = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
};

export function parseHostilityTable(text: string): { rows: TableRow[]; errors: LineError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: [',', ';', '\t'], relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, problem: 'unreadable' }] };
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) return { rows: [], errors: [{ line: 1, problem: 'emptyTable' }] };
  const fields = header.map((name) => COLUMNS[normalise(name)]);
  const unknown = header.filter((_, i) => !fields[i]);
  if (unknown.length > 0 || !fields.includes('code') || !fields.includes('status') || !fields.includes('start')) {
    return { rows: [], errors: [{ line: 1, problem: 'unknownColumns', value: unknown.join(', ') || header.join(', ') }] };
  }

  const rows: TableRow[] = [];
  const errors: LineError[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    const raw = Object.fromEntries(fields.map((field, i) => [field, cells[i] ?? ''])) as RawRow;
    raw.code = raw.code.toUpperCase();
    const fail = (reason: LineErrorReason, value?: string) => errors.push({ line, problem: reason, value });
    if (!CODE.test(raw.code)) return fail('badCode', raw.code);
    const hromadaCode = raw.hromada ? raw.hromada.toUpperCase() : null;
    if (hromadaCode !== null && !CODE.test(hromadaCode)) return fail('badCode', hromadaCode);
    const level = raw.level ? raw.level.toUpperCase() : null;
    if (level !== null && !LEVELS.has(level)) return fail('badCode', raw.level);
    const status = STATUSES[normalise(raw.status)] ?? STATUSES[raw.status.trim()] ?? (isStatus(raw.status) ? raw.status : undefined);
    if (!status) return fail('badStatus', raw.status);
    const action = ACTIONS[normalise(raw.action ?? '')];
    if (!action) return fail('badAction', raw.action);
    const periods = readPeriods(raw.start, raw.end ?? '');
    if (!periods) return fail('badDate', `${raw.start} – ${raw.end ?? ''}`);
    if (!raw.name?.trim() && action === 'SET') return fail('missingName');
    rows.push({
      line, territoryCode: raw.code, hromadaCode, territoryLevel: level as TerritoryLevel | null,
      territoryName: raw.name?.trim() ?? '', status, periods, action,
    });
  });
  return { rows, errors };
}

const isStatus = (value: string): value is TableRow['status'] =>
  ['POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES', 'ACTIVE_HOSTILITIES_WITH_STATE_SERVICES', 'TEMPORARILY_OCCUPIED'].includes(value);
