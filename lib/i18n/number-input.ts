import type { AppLocale as Locale } from './routing';

// How amounts are written in each language's forms. A fixed table, not Intl: the server and the
// browser must render the same text (their ICU versions differ), and Ukrainian groups digits
// with a no-break space and writes a decimal comma (ДСТУ 3582), Japanese and English with commas.
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  ja: { group: ',', decimal: '.' },
  uk: { group: '\u00a0', decimal: ',' },
};

const separatorsOf = (locale: string) => SEPARATORS[locale as Locale] ?? SEPARATORS.en;

/** A number as a form shows it: 1234567.5 → "1,234,567.5" (en, ja), "1 234 567,5" (uk). */
export function formatNumberInput(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const { group, decimal } = separatorsOf(locale);
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

const FULL_WIDTH = /[０-９，．－]/g;
const toHalfWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) - 0xfee0);

/**
 * What a person typed, as a number: grouping spaces, commas or apostrophes dropped, full-width
 * digits (a Japanese IME) read as digits; in Ukrainian a comma is the decimal mark. Empty is
 * null; text that is not a number stays text, for the schema to refuse with its message.
 */
export function parseNumberInput(text: unknown, locale: string): number | string | null {
  if (typeof text !== 'string') return text as number | null;
  const trimmed = text.replace(FULL_WIDTH, toHalfWidth).trim();
  if (trimmed === '') return null;
  const { decimal } = separatorsOf(locale);
  let plain = trimmed.replace(/[\s\u00a0\u202f\u2009'’]/g, '');
  plain = decimal === ',' ? plain.replace(',', '.') : plain.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : text;
}
