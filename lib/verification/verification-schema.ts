import { z } from 'zod';
import { RejectionCategory } from '../generated/prisma/enums';

// What a facilitator decides about an organisation, and what its members send back after a
// rejection. The reject dialog and the resubmit form parse with these same schemas.

export const REJECTION_NOTE_MIN = 10;
export const REJECTION_NOTE_MAX = 2000;
export const RESUBMISSION_NOTE_MAX = 2000;

const organisation = {
  kind: z.enum(['company', 'municipality']),
  id: z.uuid(),
  expectedVersion: z.int32().min(0),
};

/** The reason is required: it is emailed to the organisation and shown on its pages. */
export const rejectionFieldsSchema = z
  .object({
    category: z.enum(RejectionCategory, { error: 'validation.choose' }).nullable(),
    note: z
      .string({ error: 'validation.required' })
      .trim()
      .min(REJECTION_NOTE_MIN, { error: 'validation.rejectionNoteTooShort' })
      .max(REJECTION_NOTE_MAX, { error: 'validation.rejectionNoteTooLong' }),
  })
  .strict();
export type RejectionFields = z.input<typeof rejectionFieldsSchema>;

export const verifyOrganisationSchema = z.discriminatedUnion('decision', [
  z.object({ ...organisation, decision: z.literal('VERIFIED') }).strict(),
  rejectionFieldsSchema.extend({ ...organisation, decision: z.literal('REJECTED') }).strict(),
]);
export type VerifyOrganisationInput = z.input<typeof verifyOrganisationSchema>;

/** A rejected organisation's members fixed their details and ask to be checked again. */
export const resubmitVerificationSchema = z
  .object({
    expectedVersion: z.int32().min(0),
    note: z.string().trim().max(RESUBMISSION_NOTE_MAX, { error: 'validation.resubmissionNoteTooLong' }),
  })
  .strict();
export type ResubmitVerificationInput = z.input<typeof resubmitVerificationSchema>;
