import { isStaff, requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { TextOrigin } from '../generated/prisma/enums';
import { parseInput } from '../validation';
import { digestOriginal } from './digest';
import { SUBJECTS, isAuthorOf } from './subjects';
import { saveTranslationSchema } from './translation-schema';

/** Members of the organisation that wrote a text (checked per subject) and facilitators. */
export const TRANSLATORS = ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'] as const;

/**
 * A person adds or corrects a translation: the author's organisation writes AUTHOR, staff write
 * FACILITATOR. It may replace any earlier translation (a person's word beats a machine's, and a
 * corrected one beats an older one) but only the version the translator saw: a translation
 * saved meanwhile is a CONFLICT. The audit row is written in the same transaction.
 */
export async function saveTranslation(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, TRANSLATORS);
  const { subject, subjectId, field, locale, translation, expectedVersion } = parseInput(saveTranslationSchema, input);
  const entry = SUBJECTS[subject];
  if (!entry) throw new AppError('NOT_FOUND', `No translations for ${subject}`);
  return db.$transaction(async (tx) => {
    const originals = await entry.load(tx, subjectId);
    const original = originals?.texts[field];
    if (!originals || !original) throw new AppError('NOT_FOUND');
    // Private texts (messages): staff outside their readers are told they do not exist.
    if (entry.readers && isStaff(actor) && !entry.readers.includes(actor.role)) throw new AppError('NOT_FOUND');
    const origin: TextOrigin = isStaff(actor) ? 'FACILITATOR' : isAuthorOf(actor, originals) ? 'AUTHOR' : forbidden();
    if (original.text === '') throw new AppError('CONFLICT', 'Nothing to translate', { reason: 'nothingToTranslate' });
    if (locale === original.language) throw new AppError('VALIDATION', 'Same language as the original', { fieldErrors: { locale: 'validation.translationSameLanguage' } });

    const key = { subject, subjectId, field, locale };
    const before = await tx.textTranslation.findUnique({ where: { subject_subjectId_field_locale: key } });
    if ((before?.version ?? null) !== expectedVersion) throw new AppError('CONFLICT', 'Translation changed meanwhile', { reason: 'staleVersion' });
    const written = { text: translation, origin, provider: null, sourceDigest: digestOriginal(original.text), createdById: actor.userId };
    let saved;
    if (before) {
      // Guarded by the version as well: two saves racing past the read above cannot both win.
      const { count } = await tx.textTranslation.updateMany({ where: { id: before.id, version: before.version }, data: { ...written, version: { increment: 1 } } });
      if (count === 0) throw new AppError('CONFLICT', 'Translation changed meanwhile', { reason: 'staleVersion' });
      saved = await tx.textTranslation.findUniqueOrThrow({ where: { id: before.id } });
    } else {
      // A concurrent first save hits the unique key (P2002), which the runner reports as CONFLICT.
      saved = await tx.textTranslation.create({ data: { ...key, ...written } });
    }
    await recordAudit(tx, actor, {
      action: 'translation.saved',
      entityType: 'TextTranslation',
      entityId: saved.id,
      // A private text (a message) is kept out of the audit log, as its original is: its length says enough.
      before: before ? { ...auditedText(entry.readers, before.text), origin: before.origin, version: before.version } : null,
      after: { subject, subjectId, field, locale, ...auditedText(entry.readers, saved.text), origin, version: saved.version },
      ip: context.ip,
    });
    return { id: saved.id, version: saved.version, origin };
  });
}

const auditedText = (readers: readonly string[] | undefined, text: string) => (readers ? { length: text.length } : { text });

function forbidden(): never {
  throw new AppError('FORBIDDEN', 'Not the author of this text');
}
