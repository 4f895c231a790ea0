import type { Reason, ReasonParams } from '../matching/types';

// Turns a stored reason ({ code: 'BEYOND_RISK_APPETITE', params: { status, appetite } }) into a
// sentence in the reader's language. Params that are themselves codes (a hostility status, a
// list of capabilities, a country) are translated first, so every word of it is in that language.

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
type Formatter = { number(value: number, options?: Intl.NumberFormatOptions): string; dateTime(value: Date, options?: Intl.DateTimeFormatOptions): string };

export type ReasonContext = {
  t: Translate;
  format: Formatter;
  locale: string;
  prefectureName: (code: string) => string;
};

const ENUM_PARAMS: Record<string, string> = {
  status: 'hostility',
  appetite: 'riskAppetite',
  stage: 'stage',
  procurement: 'procurementMethod',
  funding: 'fundingSource',
  sector: 'sector',
};

function translateParam(name: string, value: ReasonParams[string], context: ReasonContext): string | number {
  const { t, format, locale } = context;
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  if (name === 'covered' || name === 'missing' || name === 'required') return list((value as string[]).map((code) => t(`capability.${code}`)));
  if (name === 'countries') {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    return list((value as string[]).map((code) => regions.of(code) ?? code));
  }
  if (name === 'budgetEur' || name === 'capacityEur') {
    return format.number(value as number, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  }
  if (name === 'endedOn') return format.dateTime(new Date(`${value as string}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  if (name === 'prefectureCode') return context.prefectureName(value as string);
  if (typeof value === 'boolean') return String(value);
  if (ENUM_PARAMS[name]) return t(`${ENUM_PARAMS[name]}.${value as string}`);
  return value as string | number;
}

export function describeReason(reason: Reason, context: ReasonContext): string {
  const key = `reasons.${reason.code}`;
  if (!context.t.has(key)) return context.t('reasons.UNKNOWN');
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params)) {
    values[name === 'prefectureCode' ? 'prefecture' : name] = translateParam(name, value, context);
  }
  return context.t(key, values);
}
