import type { Currency } from '../generated/prisma/enums';

// Reference rates to compare budgets in one unit for ranking only (order of magnitude matters,
// not the cent): ECB euro reference rates, rounded, as of 2025. Never used for money shown as a
// price or an amount.
const EUR_PER_UNIT: Record<Currency, number> = {
  EUR: 1,
  USD: 0.9,
  UAH: 0.022,
  JPY: 0.006,
};

export function toEur(amount: number, currency: Currency): number {
  return amount * EUR_PER_UNIT[currency];
}

/** The amount in `currency` that is worth `amountEur` at the same reference rates. */
export function fromEur(amountEur: number, currency: Currency): number {
  return amountEur / EUR_PER_UNIT[currency];
}
