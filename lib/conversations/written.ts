import type { Locale } from '../generated/prisma/enums';
import type { Written } from '../content/types';

// A message's body as multilingual content (lib/content): read, queued and translated alike.
export const messageBody = (message: { id: string; body: string; language: Locale }): Written =>
  ({ subject: 'MESSAGE', subjectId: message.id, field: 'body', text: message.body, language: message.language });
