import { z } from 'zod';
import { COMPANY_DESCRIPTION_MAX } from '../companies/profile-schema';
import { Locale, TextSubject } from '../generated/prisma/enums';
import { MESSAGE_BODY_MAX } from '../conversations/schema';
import { INTEREST_NOTE_MAX, RESPONSE_REASON_MAX } from '../interests/interest-schema';
import { DECISION_NOTE_MAX } from '../match-decisions/schemas';
import { NEED_DESCRIPTION_MAX, NEED_TITLE_MAX } from '../needs/need-schema';
import { withValues } from '../validation-message';

// What the "add/edit translation" forms submit (the need page, the facilitator queue), shared
// by the form and the server action. Client-safe: no database here.

export type TranslatableField = { max: number; multiLine: boolean };

/**
 * The texts that can be translated, per subject and field, with the same limits as the
 * original's own form: a translation of a title is a title. Other parts add their subjects
 * (COMPANY description, MESSAGE body) here and in subjects.ts.
 */
export const TRANSLATABLE_FIELDS: Partial<Record<TextSubject, Record<string, TranslatableField>>> = {
  NEED: { title: { max: NEED_TITLE_MAX, multiLine: false }, description: { max: NEED_DESCRIPTION_MAX, multiLine: true } },
  INTEREST: { note: { max: INTEREST_NOTE_MAX, multiLine: true } },
  INTRODUCTION: { message: { max: DECISION_NOTE_MAX, multiLine: true } },
  COMPANY: { description: { max: COMPANY_DESCRIPTION_MAX, multiLine: true } },
  INTEREST_RESPONSE: { responseReason: { max: RESPONSE_REASON_MAX, multiLine: true } },
  MESSAGE: { body: { max: MESSAGE_BODY_MAX, multiLine: true } },
};

export const translatableField = (subject: TextSubject, field: string): TranslatableField | undefined =>
  Object.hasOwn(TRANSLATABLE_FIELDS[subject] ?? {}, field) ? TRANSLATABLE_FIELDS[subject]![field] : undefined;

/**
 * `expectedVersion` is the version the translator saw, or null when adding one: a translation
 * someone else saved meanwhile is a conflict, never silently overwritten. `translation` is a
 * multi-line field for the text rules (lib/validation.ts); a single-line field refuses breaks.
 */
export const saveTranslationSchema = z
  .object({
    subject: z.enum(TextSubject),
    subjectId: z.uuid(),
    field: z.string().min(1).max(40),
    locale: z.enum(Locale, { error: 'validation.choose' }),
    translation: z.string().trim().min(1, { error: 'validation.required' }),
    expectedVersion: z.int32().min(0).nullable(),
  })
  .strict()
  .superRefine((input, context) => {
    const rule = translatableField(input.subject, input.field);
    if (!rule) {
      context.addIssue({ code: 'custom', path: ['field'], message: 'validation.invalid' });
      return;
    }
    if (input.translation.length > rule.max) context.addIssue({ code: 'custom', path: ['translation'], message: withValues('validation.tooLong', { max: rule.max }) });
    if (!rule.multiLine && /[\t\n\r]/.test(input.translation)) context.addIssue({ code: 'custom', path: ['translation'], message: 'validation.invalidCharacters' });
  });
export type SaveTranslationInput = z.infer<typeof saveTranslationSchema>;
