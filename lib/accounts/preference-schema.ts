import { z } from 'zod';
import { Locale } from '../generated/prisma/enums';

/** The language of the emails a person receives; the pages follow the address instead. */
export const emailLanguageSchema = z.object({ locale: z.enum(Locale, { error: 'validation.choose' }) }).strict();
