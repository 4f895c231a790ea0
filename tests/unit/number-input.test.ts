import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput } from '../../lib/i18n/number-input';

// Amounts in forms show the reader's digit grouping and are read back as the same number.

describe('number inputs', () => {
  it('group digits as each language writes them', () => {
    expect(formatNumberInput(20_000_000, 'en')).toBe('20,000,000');
    expect(formatNumberInput(20_000_000, 'ja')).toBe('20,000,000');
    expect(formatNumberInput(20_000_000, 'uk')).toBe('20\u00a0000\u00a0000');
    expect(formatNumberInput(1500.5, 'uk')).toBe('1\u00a0500,5');
    expect(formatNumberInput(999, 'en')).toBe('999');
    expect(formatNumberInput(0, 'en')).toBe('0');
    expect(formatNumberInput(null, 'en')).toBe('');
    expect(formatNumberInput(undefined, 'uk')).toBe('');
  });

  it('read what people type: separators, spaces, full-width digits, a Ukrainian decimal comma', () => {
    expect(parseNumberInput('20,000,000', 'en')).toBe(20_000_000);
    expect(parseNumberInput(' 35 ', 'ja')).toBe(35);
    expect(parseNumberInput('２０，０００', 'ja')).toBe(20_000);
    expect(parseNumberInput('200 000', 'uk')).toBe(200_000);
    expect(parseNumberInput('200\u202f000,50', 'uk')).toBe(200_000.5);
    expect(parseNumberInput('1,500.50', 'en')).toBe(1500.5);
    expect(parseNumberInput('1’000', 'en')).toBe(1000);
  });

  it('leave empty as no value and words as text for the schema to refuse', () => {
    expect(parseNumberInput('', 'en')).toBeNull();
    expect(parseNumberInput('   ', 'uk')).toBeNull();
    expect(parseNumberInput('about 5', 'en')).toBe('about 5');
    expect(parseNumberInput('1.2.3', 'en')).toBe('1.2.3');
    expect(parseNumberInput(42, 'en')).toBe(42);
  });

  it('read back every amount they show', () => {
    fc.assert(
      fc.property(fc.constantFrom('en', 'ja', 'uk'), fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 99 }), (locale, whole, cents) => {
        const value = whole + cents / 100;
        expect(parseNumberInput(formatNumberInput(value, locale), locale)).toBe(value);
      }),
    );
  });
});
