import { toEur } from '../matching/currency';

// What a company can take on as the lead of one project, when it did not say: estimated from its
// staff and its paid-in capital, as the profile form promises ("Leave empty and we estimate it
// from your capital and staff"). The basis and its limits: docs/decisions/009-relevance-and-capacity.md.

/** Annual sales per regular employee, a deliberately low round figure for Japanese SMEs (see 009). */
export const SALES_PER_EMPLOYEE_JPY = 25_000_000;

/** The share of one year's sales a company can commit to a single project as its lead. */
export const SHARE_OF_ANNUAL_SALES = 0.5;

/**
 * Half a year's sales, with sales proxied by staff × ¥25 M; paid-in capital counts as sales when
 * it is larger (a company with few staff and much capital can still finance a project). In euros,
 * rounded to ten thousand: it is an order of magnitude, not an amount.
 */
export function estimateCapacityEur(company: { capitalJpy: bigint | number; employees: number }): number {
  const salesJpy = Math.max(Math.max(company.employees, 1) * SALES_PER_EMPLOYEE_JPY, Number(company.capitalJpy));
  const eur = toEur(salesJpy * SHARE_OF_ANNUAL_SALES, 'JPY');
  return Math.max(10_000, Math.round(eur / 10_000) * 10_000);
}
