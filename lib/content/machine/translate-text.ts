import type { Db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { Locale } from '../../generated/prisma/enums';
import type { JobData } from '../../jobs/queue';
import { LOCALES } from '../../i18n/routing';
import { digestOriginal } from '../digest';
import { storeMachineTranslation } from '../machine-store';
import { SUBJECTS } from '../subjects';
import type { Written } from '../types';
import { glossaryIdFor } from './glossary-store';
import type { MachineProvider } from './provider';

// The `translate-text` job: one written text into each language it is not written in. The job
// carries only which text; the original is read when the job runs, so an edit made after the job
// was queued is what gets translated. A language that already has a person's translation is
// left alone (a human translation is never replaced by a machine one, lib/content/machine-store),
// and one with a machine translation of this very original is not paid for twice: a retried job
// translates only what is still missing.

export type TranslateOutcome = { translated: Locale[]; skipped: Locale[] };

async function readWritten(db: Db | Prisma.TransactionClient, data: JobData['translate-text']): Promise<Written | null> {
  const originals = await SUBJECTS[data.subject]?.load(db, data.subjectId);
  const original = originals?.texts[data.field];
  if (!original || original.text.trim() === '') return null;
  return { subject: data.subject, subjectId: data.subjectId, field: data.field, text: original.text, language: original.language };
}

export async function translateText(db: Db, provider: MachineProvider, data: JobData['translate-text']): Promise<TranslateOutcome> {
  const outcome: TranslateOutcome = { translated: [], skipped: [] };
  const written = await readWritten(db, data);
  if (!written) return outcome; // deleted or emptied since: nothing to translate
  const digest = digestOriginal(written.text);
  const existing = await db.textTranslation.findMany({
    where: { subject: written.subject, subjectId: written.subjectId, field: written.field },
    select: { locale: true, origin: true, sourceDigest: true },
  });
  const byLocale = new Map(existing.map((row) => [row.locale, row]));
  const targets = LOCALES.filter((locale) => locale !== written.language);
  const missing = targets.filter((locale) => {
    const row = byLocale.get(locale);
    return !row || (row.origin === 'MACHINE' && row.sourceDigest !== digest);
  });
  outcome.skipped = targets.filter((locale) => !missing.includes(locale));
  if (missing.length === 0) return outcome;

  const glossaryId = await glossaryIdFor(db, provider);
  for (const locale of missing) {
    const text = await provider.translate({ text: written.text, from: written.language, to: locale, glossaryId });
    const stored = await db.$transaction(async (tx) => {
      // Edited while the provider worked: this translation is of a text that no longer exists.
      // The edit queued its own job (this one was already running), which translates the new text.
      const now = await readWritten(tx, data);
      if (!now || digestOriginal(now.text) !== digest) return false;
      return storeMachineTranslation(tx, written, locale, { text, provider: provider.name });
    });
    (stored ? outcome.translated : outcome.skipped).push(locale);
  }
  return outcome;
}
