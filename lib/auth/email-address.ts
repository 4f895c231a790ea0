/**
 * One spelling per address before any uniqueness check or lookup: Unicode NFKC (so full-width
 * ＡＢＣ＠… typed on a Japanese keyboard is the same account as ABC@…), trimmed, lower case.
 */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
