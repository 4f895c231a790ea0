import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { renderFor } from '../auth/cached-reader';
import { authSecret } from '../auth/session';
import { routing, type AppLocale } from '../i18n/routing';
import { splitLocaleSegment } from './reader-pages';
import { tagPage, tagReaderPage, type PublicPage } from './tag-page';

/**
 * The language of a locale segment, and the reader it names, said for this render (the root
 * layout, and every cached variant's page and metadata: on a client navigation a page renders
 * without its layout). Not a locale, or a reader's segment whose signature does not hold: not found.
 */
export function enterLocaleSegment(segment: string): AppLocale {
  const { locale, reader } = splitLocaleSegment(segment, routing.locales, authSecret());
  if (!locale) notFound();
  setRequestLocale(locale);
  if (reader) renderFor(reader);
  return locale as AppLocale;
}

/**
 * First thing in a cached variant's page: its language and reader, and the tags its entry is
 * invalidated by — a public page's tables for a visitor, the signed-in tag for a reader. A variant
 * is for visitors (`publicPage`), for readers (`perReader`), or both (a need's page); asked for by
 * the other kind it is not a page. Returns the params the page itself reads, with the plain locale.
 */
export async function enterCachedVariant<P extends { locale: string }>(
  params: Promise<P>,
  kept: { publicPage?: PublicPage; perReader?: boolean },
): Promise<P> {
  const given = await params;
  const locale = enterLocaleSegment(given.locale);
  const isReader = given.locale !== locale;
  if (isReader && kept.perReader) await tagReaderPage();
  else if (!isReader && kept.publicPage) await tagPage(kept.publicPage);
  else notFound();
  return { ...given, locale };
}

/** The same for a cached variant's metadata, which tags nothing. */
export async function metadataParams<P extends { locale: string }>(params: Promise<P>): Promise<P> {
  const given = await params;
  return { ...given, locale: enterLocaleSegment(given.locale) };
}
