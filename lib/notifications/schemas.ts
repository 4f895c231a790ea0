import { z } from 'zod';
import { isNoticeKind, NOTICE_DELIVERIES } from './kinds';

// The notification centre's inputs, shared by its forms and lib.

export const markNoticeReadSchema = z.object({ noticeId: z.uuid() });
export const markAllNoticesReadSchema = z.object({}).strict();

export const noticePreferencesSchema = z.object({
  preferences: z.array(z.object({ kind: z.string().max(60).refine(isNoticeKind, 'validation.invalid'), delivery: z.enum(NOTICE_DELIVERIES) })).max(50),
  /** Companies only: the score a new need must reach to be announced. */
  scoreThreshold: z.coerce.number().int().min(0).max(100).optional(),
});
export type NoticePreferencesInput = z.input<typeof noticePreferencesSchema>;

export const followNeedSchema = z.object({ needId: z.uuid(), follow: z.boolean() });
