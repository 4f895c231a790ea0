import { z } from 'zod';

/** The confirm page's one field: the token from the emailed link (256 bits, base64url). */
export const confirmSignUpSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'validation.signUpLink' }) })
  .strict();
