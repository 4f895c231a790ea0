import { z } from 'zod';
import { Locale } from '../generated/prisma/enums';

// What the interest form submits; shared by the form and the server action.

/** "Written in": the note's language; when a caller does not say, the author's interface language. */
const noteLanguage = z.enum(Locale, { error: 'validation.choose' }).optional();

export const INTEREST_NOTE_MAX = 2000;

export const registerInterestSchema = z
  .object({
    needId: z.uuid(),
    note: z.string().trim().max(INTEREST_NOTE_MAX, { error: 'validation.tooLong' }).default(''),
    noteLanguage,
  })
  .strict();
export const withdrawInterestSchema = z.object({ needId: z.uuid() }).strict();

/** A municipality invites a company to one of its open needs, with a note. */
export const inviteCompanySchema = z
  .object({
    needId: z.uuid(),
    companyId: z.uuid(),
    note: z.string().trim().max(INTEREST_NOTE_MAX, { error: 'validation.tooLong' }).default(''),
    noteLanguage,
  })
  .strict();
