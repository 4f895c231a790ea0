import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { Locale, TextOrigin, TextSubject } from '../generated/prisma/enums';
import { PAGE_SIZE, toPage, type Page } from '../pagination';
import { SUBJECTS } from './subjects';

/** One text lacking a translation into one language (none yet, or made from an older original). */
export type QueueItem = {
  subject: TextSubject;
  subjectId: string;
  field: string;
  text: string;
  language: Locale;
  writtenAt: Date;
  /** The page that shows the text (no locale prefix). */
  link: string;
  locale: Locale;
  translation: null | { text: string; origin: TextOrigin; version: number };
};

/**
 * The facilitators' queue: texts of visible content (SUBJECTS[…].visibleTexts) with no
 * translation into one of the platform's languages, or one made from an older original (its
 * sourceDigest differs), oldest first. The digest is computed in SQL exactly as digestOriginal
 * does in Node (SHA-256 of the UTF-8 text, hex). `into` keeps one target language (a
 * facilitator translates into the languages they write).
 */
export async function listTranslationQueue(db: Db, actor: Actor | null, { page, into }: { page: number; into?: Locale | null }): Promise<Page<QueueItem>> {
  requireRole(actor, STAFF_ROLES);
  const sources = Object.entries(SUBJECTS).map(([subject, entry]) =>
    Prisma.sql`SELECT ${subject}::"TextSubject" AS "subject", v.* FROM (${entry.visibleTexts}) AS v`);
  const lacking = Prisma.sql`
    WITH texts AS (${Prisma.join(sources, ' UNION ALL ')})
    SELECT t."subject", t."subjectId", t."field", t."text", t."language", t."writtenAt", t."link", l."locale",
           tr."text" AS "translatedText", tr."origin", tr."version"
    FROM texts t
    CROSS JOIN unnest(enum_range(NULL::"Locale")) AS l("locale")
    LEFT JOIN "TextTranslation" tr ON tr."subject" = t."subject" AND tr."subjectId" = t."subjectId"
      AND tr."field" = t."field" AND tr."locale" = l."locale"
    WHERE l."locale" <> t."language" AND btrim(t."text") <> ''
      AND (${into ?? null}::"Locale" IS NULL OR l."locale" = ${into ?? null}::"Locale")
      AND (tr."id" IS NULL OR tr."sourceDigest" <> encode(sha256(convert_to(t."text", 'UTF8')), 'hex'))`;
  const skip = (page - 1) * PAGE_SIZE;
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>`${lacking} ORDER BY t."writtenAt", t."subjectId", t."field", l."locale" LIMIT ${PAGE_SIZE} OFFSET ${skip}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS "total" FROM (${lacking}) AS q`,
  ]);
  const items = rows.map((row): QueueItem => ({
    subject: row.subject, subjectId: row.subjectId, field: row.field, text: row.text, language: row.language, writtenAt: row.writtenAt, link: row.link, locale: row.locale,
    translation: row.origin === null ? null : { text: row.translatedText!, origin: row.origin, version: row.version! },
  }));
  return toPage(items, Number(total), page);
}

type Row = Omit<QueueItem, 'translation'> & { translatedText: string | null; origin: TextOrigin | null; version: number | null };
