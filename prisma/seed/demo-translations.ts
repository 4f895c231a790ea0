import { digestOriginal } from '../../lib/content/digest';
import type { Prisma } from '../../lib/generated/prisma/client';
import type { Locale, TextSubject } from '../../lib/generated/prisma/enums';

// The demo world's translations are people's work, written into the data files beside the
// originals: a hromada's need translated by a facilitator, a company's texts by the company
// itself. They are seeded as the rows saveTranslation would have written (no provider, the
// digest of the original they were made from), in the seed's own transaction.

export type DemoTranslation = {
  subject: TextSubject;
  subjectId: string;
  field: string;
  /** The original as stored in the owning row: its digest tells when the translation is out of date. */
  original: string;
  locale: Locale;
  text: string;
  origin: 'AUTHOR' | 'FACILITATOR';
  createdById: string;
};

export function translationRow({ original, ...translation }: DemoTranslation): Prisma.TextTranslationCreateManyInput {
  return { ...translation, provider: null, sourceDigest: digestOriginal(original) };
}

/** Each field of `texts` in each language of `translations`, as translations of `originals`. */
export function translationsOf<Field extends string>(
  base: Pick<DemoTranslation, 'subject' | 'subjectId' | 'origin' | 'createdById'>,
  originals: Record<Field, string>,
  translations: Partial<Record<Locale, Record<Field, string>>>,
): Prisma.TextTranslationCreateManyInput[] {
  return Object.entries(translations).flatMap(([locale, texts]) =>
    (Object.keys(originals) as Field[]).map((field) =>
      translationRow({ ...base, field, original: originals[field], locale: locale as Locale, text: texts![field] }),
    ),
  );
}
