import { FAR_ABOVE_CAPACITY_FACTOR } from '../matching/rules';
import type { Reason, ReasonParams } from '../matching/types';
import { formatDay } from './dates';
import type { AppLocale } from './routing';

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
  source: 'evidence.source',
  procedure: 'evidence.procedure',
};

function translateParam(name: string, value: ReasonParams[string], context: ReasonContext): string | number {
  const { t, format, locale } = context;
  const list = (items: string[]) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  if (name === 'covered' || name === 'missing') return list((value as string[]).map((code) => t(`capability.${code}`)));
  if (name === 'required') {
    const either = new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' });
    return either.format((value as string[]).map((code) => t(`capability.${code}`)));
  }
  if (name === 'countries') {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    return list((value as string[]).map((code) => regions.of(code) ?? code));
  }
  if (name === 'budgetEur' || name === 'capacityEur') {
    return format.number(value as number, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  }
  if (name === 'funders') return list([...(value as string[])]);
  if (name === 'endedOn' || name === 'verifiedOn') return formatDay(new Date(`${value as string}T00:00:00Z`), locale as AppLocale);
  if (name === 'prefectureCode') return context.prefectureName(value as string);
  if (typeof value === 'boolean') return String(value);
  if (ENUM_PARAMS[name]) return t(`${ENUM_PARAMS[name]}.${value as string}`);
  return value as string | number;
}

function translateParams(reason: Reason, context: ReasonContext): Record<string, string | number> {
  // Reasons stored before a site's scope was recorded read as they did then: "the site".
  const values: Record<string, string | number> = { wholeHromada: 'true' };
  for (const [name, value] of Object.entries(reason.params)) {
    values[name === 'prefectureCode' ? 'prefecture' : name] = translateParam(name, value, context);
  }
  // A sister tie names its Japanese side in both scripts; the reader gets theirs (Latin outside ja).
  // (A reason stored before ties were keyed by code may lack the names: it reads without one.)
  if (reason.code.startsWith('SISTER_')) {
    values.city = String((context.locale === 'ja' ? reason.params.cityJa : undefined) ?? reason.params.cityEn ?? '');
  }
  return values;
}

export function describeReason(reason: Reason, context: ReasonContext): string {
  const key = `reasons.${reason.code}`;
  if (!context.t.has(key)) return context.t('reasons.UNKNOWN');
  return context.t(key, translateParams(reason, context));
}

/** Who reads what would change a failed constraint: the company itself, or anyone else. */
export type RemedyReader = 'you' | 'pair';

/**
 * What would change a failed hard constraint ("you would be ranked if you accepted possible
 * hostilities"), or null for a code the catalogues do not cover.
 */
export function describeRemedy(reason: Reason, context: ReasonContext, reader: RemedyReader): string | null {
  const key = `wouldChange.${reader}.${reason.code}`;
  if (!context.t.has(key)) return null;
  const values = translateParams(reason, context);
  // The scale rule (withinReachOfCapacity) excludes a budget above the capacity times this
  // factor: the smallest capacity it accepts is the budget divided by it, rounded up.
  if (typeof reason.params.budgetEur === 'number') {
    values.neededEur = translateParam('budgetEur', Math.ceil(reason.params.budgetEur / FAR_ABOVE_CAPACITY_FACTOR), context);
  }
  return context.t(key, values);
}
