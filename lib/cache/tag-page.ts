import { unstable_cache } from 'next/cache';
import { NOT_KEPT_TAG, READER_PAGE_TAG } from './page-cache-tags.mjs';

/**
 * The tables each cached page reads; a write to any of them invalidates the page (triggers in
 * migration 20261201213323_page_cache mark the tag named after the table).
 */
export const PUBLIC_PAGE_TAGS = {
  home: ['Company', 'Need', 'Municipality', 'Hromada', 'HostilityListEdition', 'HostilityRollForward'],
  needs: ['Need', 'Municipality', 'Hromada', 'Oblast', 'TextTranslation', 'HostilityListEdition', 'HostilityRollForward'],
  need: ['Need', 'Municipality', 'Hromada', 'Oblast', 'TextTranslation', 'HostilityListEdition', 'HostilityRollForward'],
} as const satisfies Record<string, readonly string[]>;

export type PublicPage = keyof typeof PUBLIC_PAGE_TAGS;

/**
 * Puts the page's tags on its cache entry. Next collects the tags of every unstable_cache call
 * made while a page renders statically into the page's entry; the call itself caches nothing
 * (the handler keeps only pages and the map's data).
 */
export async function tagPage(page: PublicPage): Promise<void> {
  await unstable_cache(async () => page, ['page-tags', page], { tags: [...PUBLIC_PAGE_TAGS[page]] })();
}

/** A reader's cached page: one tag that a write to anything such a page may show marks. */
export async function tagReaderPage(): Promise<void> {
  await unstable_cache(async () => READER_PAGE_TAG, ['page-tags', READER_PAGE_TAG], { tags: [READER_PAGE_TAG] })();
}

/**
 * Keeps this render out of the cache: it shows a state that ends without a write (NOT_KEPT_TAG).
 * Rendered per request (a signed-in page not kept per reader) it changes nothing.
 */
export async function keepOutOfCache(): Promise<void> {
  await unstable_cache(async () => NOT_KEPT_TAG, ['page-tags', NOT_KEPT_TAG], { tags: [NOT_KEPT_TAG] })();
}
