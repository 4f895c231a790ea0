import { z } from 'zod';
import { limit } from '../validation-message';
import { DecisionAction, Locale } from '../generated/prisma/enums';

// What the match card submits. Shared by the card's form and the server action.

export const DECLINE_REASONS = [
  'SECTOR_OR_CAPABILITY_MISMATCH',
  'SECURITY_CONDITIONS',
  'TENDER_OR_FUNDING',
  'BUDGET_OR_SCALE',
  'PARTY_NOT_INTERESTED',
  'DUPLICATE',
  'OTHER',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECISION_NOTE_MAX = 2000;

export const decideOnMatchSchema = z
  .object({
    matchId: z.uuid(),
    /** The version the facilitator was looking at: a colleague's decision since then wins. */
    version: z.int32().min(0),
    action: z.enum(DecisionAction),
    reason: z.enum(DECLINE_REASONS).optional(),
    note: z.string().trim().max(DECISION_NOTE_MAX, limit('validation.tooLong')).default(''),
    /** "Written in" for the note (an introduction's message); else the facilitator's interface language. */
    noteLanguage: z.enum(Locale, { error: 'validation.choose' }).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.action === 'DECLINE' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.declineReasonRequired' });
    }
  });
export type DecideOnMatchInput = z.input<typeof decideOnMatchSchema>;
