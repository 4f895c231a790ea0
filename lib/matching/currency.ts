import type { Currency } from '../generated/prisma/enums';
import table from '../../prisma/reference/exchange-rates.json';

// The one table of exchange rates: ranking compares budgets and capacities in euros with it, the
// "up to X euros" filter converts with it, and pages show "≈ ¥…" equivalents with it — so what a
// reader sees and what ranked the pair never disagree. Each rate is a public publication with
// its date and source (prisma/reference/README.md): the ECB's euro reference rates for USD and
// JPY; for the hryvnia (the ECB publishes none, and the National Bank of Ukraine's service is out of
// our machines' reach) the CC0 daily rate of the exchange-api open dataset.
// Amounts converted with it are estimates, shown as such with the rate's date.

export type RateSource = 'ECB' | 'NBU' | 'CURRENCY_API';
export type ReferenceRate = { currency: Currency; perEur: number; date: string; source: RateSource };

const RATES = new Map<Currency, ReferenceRate>([['EUR', { currency: 'EUR', perEur: 1, date: '', source: 'ECB' }]]);
for (const rate of table.rates) RATES.set(rate.currency as Currency, rate as ReferenceRate);

export const isRatedCurrency = (code: string): code is Currency => RATES.has(code as Currency);

/** The rate of a currency against the euro; EUR itself has no date (it is the unit). */
export function referenceRate(currency: Currency): ReferenceRate {
  const rate = RATES.get(currency);
  if (!rate) throw new Error(`No reference rate for ${currency}`);
  return rate;
}

export function toEur(amount: number, currency: Currency): number {
  return amount / referenceRate(currency).perEur;
}

/** The amount in `currency` that is worth `amountEur` at the same reference rates. */
export function fromEur(amountEur: number, currency: Currency): number {
  return amountEur * referenceRate(currency).perEur;
}

/** `amount` of `from` expressed in `to`, through the euro. */
export function convert(amount: number, from: Currency, to: Currency): number {
  return from === to ? amount : fromEur(toEur(amount, from), to);
}

/**
 * The rates a conversion from `from` to `to` rests on (one or two: a cross rate goes through the
 * euro), for the "as of" note beside an estimate.
 */
export function ratesBehind(from: Currency, to: Currency): ReferenceRate[] {
  return [from, to].filter((currency, index, all) => currency !== 'EUR' && all.indexOf(currency) === index).map(referenceRate);
}
