import { z } from 'zod';
import { Capability, Currency, FundingSource, Locale, NeedCloseReason, ProcurementMethod, SectorCode, Stage, Urgency } from '../generated/prisma/enums';
import { amount, limit } from '../validation-message';

// What a municipality representative writes about a need. The site is always their own
// hromada and the status moves only through publish/close, so neither is a field here.

export const NEED_TITLE_MAX = 200;
export const NEED_DESCRIPTION_MAX = 8000;

export const PROZORRO_ID_PATTERN = /^UA-\d{4}-\d{2}-\d{2}-\d{6}-[a-z]$/;

const optionalText = (max: number) =>
  z.string().trim().max(max, limit('validation.tooLong')).nullable().transform((value) => (value ? value : null));

export const needFieldsSchema = z
  .object({
    title: z.string().trim().min(5, limit('validation.tooShort')).max(NEED_TITLE_MAX, limit('validation.tooLong')),
    description: z.string().trim().min(20, limit('validation.tooShort')).max(NEED_DESCRIPTION_MAX, limit('validation.tooLong')),
    /** The language of the title and description ("written in"); translations hang off it. */
    language: z.enum(Locale, { error: 'validation.choose' }),
    sector: z.enum(SectorCode, { error: 'validation.choose' }),
    stage: z.enum(Stage, { error: 'validation.choose' }),
    urgency: z.enum(Urgency, { error: 'validation.choose' }),
    budgetAmount: amount(0, 1e13).nullable(),
    budgetCurrency: z.enum(Currency, { error: 'validation.choose' }).nullable(),
    fundingSource: z.enum(FundingSource, { error: 'validation.choose' }),
    procurementMethod: z.enum(ProcurementMethod, { error: 'validation.choose' }),
    prozorroTenderId: optionalText(40).pipe(z.string().regex(PROZORRO_ID_PATTERN, { error: 'validation.prozorroId' }).nullable()),
    dreamProjectId: optionalText(60),
    requiredCapabilities: z.array(z.enum(Capability)).max(20, limit('validation.tooMany')).refine((values) => new Set(values).size === values.length, { error: 'validation.duplicate' }),
  })
  .strict();

/**
 * The tender id each procurement method asks for: a Prozorro id for Prozorro, a DREAM project id
 * for DREAM, none otherwise. The form shows only that field; the schema requires it.
 */
export const TENDER_ID_FIELD = { PROZORRO: 'prozorroTenderId', DREAM: 'dreamProjectId', NONE: null } as const satisfies Record<ProcurementMethod, string | null>;
export type TenderIdField = 'prozorroTenderId' | 'dreamProjectId';

/** The rules across fields; the database enforces the same ones with CHECK constraints. */
export const needSchema = needFieldsSchema.superRefine((need, context) => {
  if ((need.budgetAmount === null) !== (need.budgetCurrency === null)) {
    context.addIssue({ code: 'custom', path: [need.budgetAmount === null ? 'budgetAmount' : 'budgetCurrency'], message: 'validation.budgetPair' });
  }
  const tenderId = TENDER_ID_FIELD[need.procurementMethod];
  if (tenderId && !need[tenderId]) context.addIssue({ code: 'custom', path: [tenderId], message: 'validation.required' });
});
export type NeedFields = z.infer<typeof needSchema>;

/** `requestId` is generated once per form: submitting the same form twice posts one need. */
export const createNeedSchema = z.object({ requestId: z.uuid(), need: needSchema }).strict();
export const updateNeedSchema = z.object({ needId: z.uuid(), expectedVersion: z.int32().min(0), need: needSchema }).strict();
export const needTransitionSchema = z.object({ needId: z.uuid(), expectedVersion: z.int32().min(0) }).strict();

/**
 * Closing asks why. A duplicate may name the need it repeats (the form offers the same
 * municipality's other needs); no other reason takes one.
 */
export const closeNeedSchema = z
  .object({
    needId: z.uuid(),
    expectedVersion: z.int32().min(0),
    reason: z.enum(NeedCloseReason, { error: 'validation.choose' }),
    duplicateOfNeedId: z.uuid({ error: 'validation.choose' }).nullable(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.duplicateOfNeedId && input.reason !== 'DUPLICATE') {
      context.addIssue({ code: 'custom', path: ['duplicateOfNeedId'], message: 'validation.onlyForDuplicate' });
    }
    if (input.duplicateOfNeedId === input.needId) {
      context.addIssue({ code: 'custom', path: ['duplicateOfNeedId'], message: 'validation.notItself' });
    }
  });
export type CloseNeedInput = z.input<typeof closeNeedSchema>;
