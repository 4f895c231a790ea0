import { z } from 'zod';
import { isCleanText } from '../validation';

export const NEED_KEYWORDS_MAX = 80;
/** The `q` of the needs page: words separated by spaces; anything unusable means no search. */
export const needKeywordsSchema = z
  .string()
  .trim()
  .min(1)
  .max(NEED_KEYWORDS_MAX)
  .refine((value) => isCleanText(value))
  .optional()
  .catch(undefined);
