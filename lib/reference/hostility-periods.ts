// Reading the dates of the official hostilities list (Order No. 376 of 28 Feb 2025, as amended).

export type Period = { start: string; end: string };

const DATE = /(\d{2})\.\s*(\d{2})[.\s]\s*(\d{4})/g;

/**
 * The extracted tables merge cells where a territory had several periods in one category
 * ("03.03.202226.09.2022" / "15.03.202226.09.2022"), and some dates carry stray spaces
 * ("31.03. 2022", "12.11 2022"). The n-th start pairs with the n-th end; a start without an
 * end is still in force. Dates come back as ISO (YYYY-MM-DD); an open end is ''.
 */
export function splitPeriods(start: string, end: string): Period[] {
  const dates = (cell: string) => [...cell.matchAll(DATE)].map(([, d, m, y]) => `${y}-${m}-${d}`);
  const starts = dates(start);
  const ends = dates(end);
  if (starts.length === 0 || ends.length > starts.length) {
    throw new Error(`Cannot read the period "${start}" – "${end}"`);
  }
  return starts.map((s, i) => ({ start: s, end: ends[i] ?? '' }));
}
