import { unstable_cache } from 'next/cache';

/**
 * The tables each cached page reads; a write to any of them invalidates the page (triggers in
 * migration 20261201213323_page_cache mark the tag named after the table).
 */
export const PUBLIC_PAGE_TAGS = {
  home: ['Company', 'Need', 'Municipality', 'Hromada', 'HostilityListEdition', 'HostilityRollForward'],
  needs: ['Need', 'Municipality', 'Hromada', 'Oblast', 'TextTranslation', 'HostilityListEdition', 'HostilityRollForward'],
  need: ['Need', 'Municipality', 'Hromada', 'Oblast', 'TextTranslation', 'HostilityListEdition', 'HostilityRollForward'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Puts the page's tags on its cache entry. Next collects the tags of every unstable_cache call
 * made while a page renders statically into the page's entry; the call itself caches nothing
 * (the handler keeps only pages and the map's data).
 */
export async function tagPage(page: keyof typeof PUBLIC_PAGE_TAGS): Promise<void> {
  await unstable_cache(async () => page, ['page-tags', page], { tags: [...PUBLIC_PAGE_TAGS[page]] })();
}
