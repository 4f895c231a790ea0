import { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';
import { digestOriginal } from './digest';
import type { Written } from './types';

/**
 * Stores a machine translation of `written` into `locale`, unless a person's translation is
 * there: a human translation is never replaced by a machine one (the WHERE of the upsert, so
 * a person saving at the same moment still wins). Returns whether it was stored. For the
 * machine-translation jobs (the `machine` part); people save through saveTranslation.
 */
export async function storeMachineTranslation(
  tx: Prisma.TransactionClient,
  written: Written,
  locale: Locale,
  translated: { text: string; provider: string },
): Promise<boolean> {
  const digest = digestOriginal(written.text);
  const stored = await tx.$executeRaw`
    INSERT INTO "TextTranslation" ("id", "subject", "subjectId", "field", "locale", "text", "origin", "provider", "sourceDigest", "updatedAt")
    VALUES (gen_random_uuid(), ${written.subject}::"TextSubject", ${written.subjectId}::uuid, ${written.field}, ${locale}::"Locale",
            ${translated.text}, 'MACHINE', ${translated.provider}, ${digest}, now())
    ON CONFLICT ("subject", "subjectId", "field", "locale") DO UPDATE
      SET "text" = EXCLUDED."text", "provider" = EXCLUDED."provider", "sourceDigest" = EXCLUDED."sourceDigest",
          "updatedAt" = now(), "version" = "TextTranslation"."version" + 1
      WHERE "TextTranslation"."origin" = 'MACHINE'`;
  return stored > 0;
}
