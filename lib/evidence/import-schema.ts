import { z } from 'zod';

/**
 * Staff import of a published package, shared by the form and the server. The browser sends
 * the file's JSON re-serialised on one line: JSON text holds no raw control characters then.
 */
export const importTenderEvidenceSchema = z
  .object({
    needId: z.uuid({ error: 'validation.invalid' }),
    source: z.enum(['PROZORRO', 'DREAM']),
    packageJson: z.string().min(2, { error: 'validation.required' }).max(4_000_000),
  })
  .strict();
