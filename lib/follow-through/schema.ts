import { z } from 'zod';
import { PipelineStepKind } from '../generated/prisma/enums';
import { PROZORRO_ID_PATTERN } from '../needs/need-schema';

// What a party or a facilitator records about an introduction past "agreed". One schema for the
// form and the server.

/** The steps in the order they happen: each needs the one before it. */
export const PIPELINE_STEPS = ['TENDER_PUBLISHED', 'AWARDED', 'CONTRACT_SIGNED', 'DELIVERED'] as const satisfies readonly PipelineStepKind[];

/**
 * DREAM project identifiers as DREAM shows them (e.g. "DREAM-ODE-0011" or a numeric id): letters,
 * digits and hyphens. Prozorro's are exact: UA-YYYY-MM-DD-NNNNNN-x.
 */
export const DREAM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{2,59}$/;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.invalid' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: 'validation.invalid' });

export const recordPipelineStepSchema = z
  .object({
    introductionId: z.uuid({ error: 'validation.choose' }),
    step: z.enum(PipelineStepKind, { error: 'validation.choose' }),
    occurredOn: isoDay,
    tenderSource: z.enum(['PROZORRO', 'DREAM'], { error: 'validation.choose' }).nullable().default(null),
    tenderId: z.string().trim().max(60, { error: 'validation.tooLong' }).nullable().default(null)
      .transform((value) => (value ? value : null)),
    note: z.string().trim().max(2000, { error: 'validation.tooLong' }).default(''),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.step !== 'TENDER_PUBLISHED') {
      if (input.tenderId !== null || input.tenderSource !== null) context.addIssue({ code: 'custom', path: ['tenderId'], message: 'validation.tenderOnlyOnPublished' });
      return;
    }
    if (input.tenderSource === null) context.addIssue({ code: 'custom', path: ['tenderSource'], message: 'validation.required' });
    if (input.tenderId === null) context.addIssue({ code: 'custom', path: ['tenderId'], message: 'validation.required' });
    else if (input.tenderSource === 'PROZORRO' && !PROZORRO_ID_PATTERN.test(input.tenderId)) {
      context.addIssue({ code: 'custom', path: ['tenderId'], message: 'validation.prozorroId' });
    } else if (input.tenderSource === 'DREAM' && !DREAM_ID_PATTERN.test(input.tenderId)) {
      context.addIssue({ code: 'custom', path: ['tenderId'], message: 'validation.dreamId' });
    }
  });
export type RecordPipelineStepInput = z.input<typeof recordPipelineStepSchema>;
