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

/** How long a decline's reason may be (it is read, translated and emailed about). */
export const RESPONSE_REASON_MAX = 1000;
export const INTEREST_RESPONSES = ['WELCOMED', 'DECLINED'] as const;
const LANGUAGES = ['ja', 'uk', 'en'] as const;

/**
 * A hromada answers a company's interest: welcome it, or decline it with a reason (required),
 * written in `responseLanguage`. A welcome's reason is optional (a word of thanks, a next step).
 */
export const answerInterestSchema = z
  .object({
    interestId: z.uuid(),
    response: z.enum(INTEREST_RESPONSES),
    responseReason: z.string().trim().max(RESPONSE_REASON_MAX, { error: 'validation.tooLong' }).default(''),
    responseLanguage: z.enum(LANGUAGES),
  })
  .strict()
  .refine((value) => value.response !== 'DECLINED' || value.responseReason.length > 0, {
    path: ['responseReason'],
    error: 'validation.required',
  });

/** A hromada takes back one of its invitations. */
export const withdrawInvitationSchema = z.object({ needId: z.uuid(), companyId: z.uuid() }).strict();
