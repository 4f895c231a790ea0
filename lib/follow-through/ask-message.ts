import { createTranslator } from 'use-intl/core';
import type { Locale } from '../generated/prisma/enums';
import en from '../i18n/messages/en.json';
import ja from '../i18n/messages/ja.json';
import uk from '../i18n/messages/uk.json';

// The follow-up question in the recipient's language, from the catalogues (followThrough.ask).

const CATALOGUES = { en, ja, uk } as const;

export type AskParams = { name: string; afterDays: number; needTitle: string; counterpart: string; link: string };

export function followUpAskMessage(locale: Locale, params: AskParams): { subject: string; text: string } {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'followThrough.ask' });
  return {
    subject: t('subject', { counterpart: params.counterpart }),
    text: t('body', { ...params }),
  };
}
