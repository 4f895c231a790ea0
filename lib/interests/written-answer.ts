import type { Locale } from '../generated/prisma/enums';
import type { Written } from '../content/types';

// The hromada's reason for its answer, as multilingual content; null when it gave none.
export const responseReason = (interest: { id: string; responseReason: string; responseLanguage: Locale | null }): Written | null =>
  interest.responseReason && interest.responseLanguage
    ? { subject: 'INTEREST_RESPONSE', subjectId: interest.id, field: 'responseReason', text: interest.responseReason, language: interest.responseLanguage }
    : null;
