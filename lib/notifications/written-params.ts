import { markerKey } from '../content/marker';
import { readForReader } from '../content/read-for-reader';
import type { Readable, Written } from '../content/types';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { Locale, TextSubject } from '../generated/prisma/enums';
import type { Translator } from '../i18n/translator';

// A notice that quotes what a person wrote (a need's title, an invitation's note) keeps the text
// as written in its params, and under `written` which text it is and in what language. Each
// reader then gets it in their language when a translation exists — in the email and the app —
// with the marker saying who translated it and the original beside it.

export type WrittenRef = { subject: TextSubject; subjectId: string; field: string; language: Locale };
/** `written: { <param>: WrittenRef }` in a notice's params. */
export type WrittenRefs = Record<string, WrittenRef>;

export const needTitleRef = (need: { id: string; language: Locale }): WrittenRef => ({ subject: 'NEED', subjectId: need.id, field: 'title', language: need.language });

function writtenRefsOf(params: unknown): [string, WrittenRef, string][] {
  if (!params || typeof params !== 'object') return [];
  const refs = (params as { written?: unknown }).written;
  if (!refs || typeof refs !== 'object') return [];
  return Object.entries(refs as Record<string, unknown>).flatMap(([name, ref]) => {
    const text = (params as Record<string, unknown>)[name];
    const valid = ref && typeof ref === 'object' && typeof (ref as WrittenRef).subjectId === 'string' && typeof text === 'string';
    return valid ? [[name, ref as WrittenRef, text as string] as [string, WrittenRef, string]] : [];
  });
}

/** Each notice's quoted texts in the reader's language (param name → Readable): one query for them all. */
export async function readNoticeTexts(
  client: Db | Prisma.TransactionClient,
  reader: Locale,
  notices: readonly { params: unknown }[],
): Promise<Map<string, Readable>[]> {
  const perNotice = notices.map((notice) => writtenRefsOf(notice.params));
  const written: Written[] = perNotice.flat().map(([, ref, text]) => ({ subject: ref.subject, subjectId: ref.subjectId, field: ref.field, language: ref.language, text }));
  const readable = written.length ? await readForReader(client, written, reader) : [];
  let at = 0;
  return perNotice.map((refs) => new Map(refs.map(([name]) => [name, readable[at++]!])));
}

/**
 * The line an email adds under a quoted text not written in the reader's language: the marker
 * and, when it was translated, the original — the email's "one click away".
 */
export function quotedOriginalLine(t: Translator, reader: Locale, readable: Readable): string | null {
  const marker = markerKey(readable, reader);
  if (!marker) return null;
  const parts = [t(`content.${marker}`, { language: readable.original.language })];
  if (readable.translation?.outdated) parts.push(t('content.outdated'));
  if (readable.translation) parts.push(`${t('content.showingOriginal', { language: readable.original.language })}: ${readable.original.text}`);
  return parts.join(' — ');
}
