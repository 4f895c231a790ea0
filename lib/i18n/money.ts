import type { Currency } from '../generated/prisma/enums';
import { convert, isRatedCurrency, ratesBehind, type ReferenceRate } from '../matching/currency';
import type { AppLocale } from './routing';

// Which currencies a reader thinks in, so that an amount shows "≈" its value there beside the
// original: a Japanese reader in yen, an English reader in euros (the needs filter's unit), a
// Ukrainian reader in hryvnias and euros (donor and lender budgets are in euros). The original
// amount always comes first; an equivalent is an estimate at the reference rates, dated.

export const READER_CURRENCIES: Record<AppLocale, readonly Currency[]> = {
  ja: ['JPY'],
  en: ['EUR'],
  uk: ['UAH', 'EUR'],
};

export type Equivalent = { currency: Currency; amount: number; rates: ReferenceRate[] };

/**
 * The amount in each of the reader's currencies other than its own, with the rates used; none for
 * a currency the table has no rate for (a published tender may be in any currency).
 */
export function readerEquivalents(amount: number, currency: string, locale: AppLocale): Equivalent[] {
  if (!isRatedCurrency(currency)) return [];
  return READER_CURRENCIES[locale]
    .filter((target) => target !== currency)
    .map((target) => ({ currency: target, amount: convert(amount, currency, target), rates: ratesBehind(currency, target) }));
}

/**
 * An estimate keeps the precision it has: three significant digits ("≈ €1.23 M" would claim less
 * than the rate can give; "≈ €1,234,567" would claim more).
 */
export function roundEstimate(amount: number): number {
  if (amount === 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(amount))) - 2);
  return Math.round(amount / magnitude) * magnitude;
}
