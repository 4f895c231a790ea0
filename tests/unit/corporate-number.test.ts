import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  corporateNumberCheckDigit,
  isValidCorporateNumber,
  withCheckDigit,
} from '../../lib/companies/corporate-number';

describe('corporate number (法人番号)', () => {
  it('accepts a real published number', () => {
    // The National Tax Agency's own number (国税庁), from its public register.
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it('rejects a wrong check digit, wrong length or non-digits', () => {
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber('70000120500021')).toBe(false);
    expect(isValidCorporateNumber('7OOOO12O5OOO2')).toBe(false);
    expect(isValidCorporateNumber('７000012050002')).toBe(false);
  });

  it('rejects every other check digit for the same base', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 9 }), (base, digit) => {
        fc.pre(digit !== corporateNumberCheckDigit(base));
        expect(isValidCorporateNumber(`${digit}${base}`)).toBe(false);
      }),
    );
  });

  it('builds valid numbers', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{12}$/), (base) => isValidCorporateNumber(withCheckDigit(base))));
  });
});
