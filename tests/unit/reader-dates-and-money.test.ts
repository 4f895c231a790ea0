import { describe, expect, it } from 'vitest';
import { dateTimeParts, formatDate, formatDay, READER_TIME_ZONE, utcOffset } from '../../lib/i18n/dates';
import { READER_CURRENCIES, readerEquivalents, roundEstimate } from '../../lib/i18n/money';
import { LOCALES } from '../../lib/i18n/routing';

// Issue 13 ("Words"): times in Kyiv time without a zone in every language, three date formats in
// Japanese, and UAH budgets without a euro or yen equivalent.

describe('dates: one style per language', () => {
  const day = new Date('2026-11-23T00:00:00Z');

  it('writes a calendar day the same way in every place, whatever the zone', () => {
    expect(formatDay(day, 'ja')).toBe('2026年11月23日');
    expect(formatDay(day, 'uk')).toBe('23 листопада 2026 р.');
    expect(formatDay(day, 'en')).toBe('November 23, 2026');
  });

  it('never writes an ISO or a slashed date in Japanese', () => {
    for (const text of [formatDay(day, 'ja'), formatDate(day, 'ja'), dateTimeParts(day, 'ja').date]) {
      expect(text).not.toMatch(/\d{4}[-/]\d{1,2}/);
      expect(text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
  });

  it('puts an instant on the day it is in the reader zone', () => {
    const lateEvening = new Date('2026-12-01T20:30:00Z'); // 05:30 on 2 December in Tokyo, 22:30 on 1 December in Kyiv
    expect(formatDate(lateEvening, 'ja')).toBe('2026年12月2日');
    expect(formatDate(lateEvening, 'uk')).toBe('1 грудня 2026 р.');
  });
});

describe('times: in the reader zone, with the zone named', () => {
  it('Japanese readers read Japan time, Ukrainian and English readers Kyiv time', () => {
    expect(READER_TIME_ZONE).toEqual({ ja: 'Asia/Tokyo', uk: 'Europe/Kyiv', en: 'Europe/Kyiv' });
    const instant = new Date('2026-12-01T15:30:00Z');
    expect(dateTimeParts(instant, 'ja')).toEqual({ date: '2026年12月2日', time: '0:30', offset: 'UTC+9' });
    expect(dateTimeParts(instant, 'uk')).toEqual({ date: '1 грудня 2026 р.', time: '17:30', offset: 'UTC+2' });
    expect(dateTimeParts(instant, 'en')).toEqual({ date: 'December 1, 2026', time: '17:30', offset: 'UTC+2' });
  });

  it('follows Kyiv summer time', () => {
    expect(utcOffset(new Date('2026-07-01T12:00:00Z'), 'en')).toBe('UTC+3');
    expect(utcOffset(new Date('2026-07-01T12:00:00Z'), 'ja')).toBe('UTC+9');
  });
});

describe('amounts in the reader currency beside the original', () => {
  it('shows a Japanese reader yen, an English reader euros, a Ukrainian reader hryvnias and euros', () => {
    expect(READER_CURRENCIES).toEqual({ ja: ['JPY'], en: ['EUR'], uk: ['UAH', 'EUR'] });
    expect(readerEquivalents(2_980_640, 'UAH', 'ja').map((e) => [e.currency, Math.round(e.amount)])).toEqual([['JPY', 18_582_000]]);
    expect(readerEquivalents(2_980_640, 'UAH', 'en').map((e) => [e.currency, Math.round(e.amount)])).toEqual([['EUR', 100_000]]);
    expect(readerEquivalents(2_980_640, 'UAH', 'uk').map((e) => [e.currency, Math.round(e.amount)])).toEqual([['EUR', 100_000]]);
    expect(readerEquivalents(100_000, 'EUR', 'uk').map((e) => [e.currency, Math.round(e.amount)])).toEqual([['UAH', 2_980_640]]);
    expect(readerEquivalents(100_000, 'EUR', 'en')).toEqual([]);
    expect(readerEquivalents(100_000, 'GBP', 'ja')).toEqual([]);
  });

  it('names the dated rates behind each estimate (a cross rate rests on two)', () => {
    const [yen] = readerEquivalents(1_000_000, 'UAH', 'ja');
    expect(yen.rates.map((r) => `${r.source} ${r.date}`)).toEqual(['NBU 2022-07-21', 'ECB 2026-07-21']);
    const [euro] = readerEquivalents(1_000_000, 'UAH', 'en');
    expect(euro.rates.map((r) => `${r.source} ${r.date}`)).toEqual(['NBU 2022-07-21']);
  });

  it('rounds an estimate to three significant digits', () => {
    expect(roundEstimate(1_234_567)).toBe(1_230_000);
    expect(roundEstimate(33_549.8)).toBe(33_500);
    expect(roundEstimate(987)).toBe(987);
    expect(roundEstimate(0)).toBe(0);
  });

  it('covers every locale', () => {
    for (const locale of LOCALES) expect(READER_CURRENCIES[locale].length).toBeGreaterThan(0);
  });
});
