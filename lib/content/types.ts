import type { Locale, TextOrigin, TextSubject } from '../generated/prisma/enums';

/**
 * A text someone wrote, as stored in its owning row: which row and field, the text and the
 * language it was written in. Everything that shows or translates free text starts from this.
 */
export type Written = {
  subject: TextSubject;
  subjectId: string;
  field: string;
  text: string;
  language: Locale;
};

/**
 * What a reader sees: their language when a translation exists, else the original. The
 * original is always there (one click away in WrittenText); `translation` says who made the
 * text shown and whether the original has changed since (`outdated`).
 */
export type Readable = {
  text: string;
  language: Locale;
  original: { text: string; language: Locale };
  translation: null | { origin: TextOrigin; provider: string | null; outdated: boolean };
};

/** Row key of a translation: one per (subject, subjectId, field, locale). */
export const writtenKey = (written: Pick<Written, 'subject' | 'subjectId' | 'field'>): string =>
  `${written.subject}:${written.subjectId}:${written.field}`;
