import { z } from 'zod';

// What the interest form submits; shared by the form and the server action.

export const INTEREST_NOTE_MAX = 2000;

export const registerInterestSchema = z
  .object({
    needId: z.uuid(),
    note: z.string().trim().max(INTEREST_NOTE_MAX, { error: 'validation.tooLong' }).default(''),
  })
  .strict();
export const withdrawInterestSchema = z.object({ needId: z.uuid() }).strict();

/** A municipality invites a company to one of its open needs, with a note. */
export const inviteCompanySchema = z
  .object({
    needId: z.uuid(),
    companyId: z.uuid(),
    note: z.string().trim().max(INTEREST_NOTE_MAX, { error: 'validation.tooLong' }).default(''),
    /** The language the message is written in; the server takes the inviter's own language when absent. */
    noteLanguage: z.enum(['ja', 'uk', 'en']).optional(),
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
