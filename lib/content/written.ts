import type { Locale } from '../generated/prisma/enums';
import type { Written } from './types';

// The texts of each subject as `Written`, built the same way wherever they are read or queued.

export const needTitle = (need: { id: string; title: string; language: Locale }): Written =>
  ({ subject: 'NEED', subjectId: need.id, field: 'title', text: need.title, language: need.language });

export const needDescription = (need: { id: string; description: string; language: Locale }): Written =>
  ({ subject: 'NEED', subjectId: need.id, field: 'description', text: need.description, language: need.language });

export const needTexts = (need: { id: string; title: string; description: string; language: Locale }): Written[] =>
  [needTitle(need), needDescription(need)];

export const interestNote = (interest: { id: string; note: string; noteLanguage: Locale }): Written =>
  ({ subject: 'INTEREST', subjectId: interest.id, field: 'note', text: interest.note, language: interest.noteLanguage });

export const introductionMessage = (introduction: { id: string; message: string; messageLanguage: Locale }): Written =>
  ({ subject: 'INTRODUCTION', subjectId: introduction.id, field: 'message', text: introduction.message, language: introduction.messageLanguage });
