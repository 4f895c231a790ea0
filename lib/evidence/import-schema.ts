import { z } from 'zod';

/**
 * Staff import of a published package, shared by the form and the server. The browser sends
 * the file's JSON re-serialised on one line: JSON text holds no raw control characters then.
 */
/**
 * Under the 256 kB a server action accepts (next.config.js); larger packages go through
 * `npm run evidence:import`.
 */
export const MAX_PACKAGE_CHARS = 240_000;

export const importTenderEvidenceSchema = z
  .object({
    needId: z.uuid({ error: 'validation.invalid' }),
    source: z.enum(['PROZORRO', 'DREAM']),
    packageJson: z.string().min(2, { error: 'validation.required' }).max(MAX_PACKAGE_CHARS, { error: 'validation.evidencePackageTooLarge' }),
  })
  .strict();
