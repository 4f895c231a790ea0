import { z } from 'zod';

// What the message form submits; shared by the form and the server action.

export const MESSAGE_BODY_MAX = 4000;
const LANGUAGES = ['ja', 'uk', 'en'] as const;

export const postMessageSchema = z
  .object({
    introductionId: z.uuid(),
    body: z.string().trim().min(1, { error: 'validation.required' }).max(MESSAGE_BODY_MAX, { error: 'validation.tooLong' }),
    /** The language the message is written in (the form defaults to the author's interface language). */
    language: z.enum(LANGUAGES),
  })
  .strict();

export type PostMessageInput = z.input<typeof postMessageSchema>;
