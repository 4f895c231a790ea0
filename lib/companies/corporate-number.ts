// Japan's Corporate Number (法人番号): 13 digits, the first a check digit over the other 12.
// Check digit = 9 − (Σ Pn × Qn mod 9), Pn the n-th digit counted from the right of the 12-digit
// base, Qn = 1 for odd n and 2 for even n (National Tax Agency, 法人番号の指定等に関する省令 第2条).

export const CORPORATE_NUMBER_PATTERN = /^\d{13}$/;

export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new Error('The base of a corporate number is 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function isValidCorporateNumber(value: string): boolean {
  return (
    CORPORATE_NUMBER_PATTERN.test(value) &&
    Number(value[0]) === corporateNumberCheckDigit(value.slice(1))
  );
}

/** Builds a valid corporate number from a 12-digit base (demo data and tests). */
export function withCheckDigit(base12: string): string {
  return `${corporateNumberCheckDigit(base12)}${base12}`;
}
