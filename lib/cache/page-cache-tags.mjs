// Tags with a meaning of their own to the page cache, beside the table names the public pages carry
// (lib/cache/tag-page.ts). Plain JavaScript: the handler (page-cache-handler.mjs) loads at run time
// without compiling.

/**
 * Carried by every signed-in reader's page (lib/cache/reader-pages.ts); the triggers of migration
 * 20261204093000_reader_page_cache mark it on a write to any table such a page may show.
 */
export const READER_PAGE_TAG = 'signed-in';

/**
 * Carried by a render that must not be stored: it shows something no write marks when it ends —
 * a ranking still in progress, whose job finishing may change no row. Its readers get it rendered
 * per request until it settles.
 */
export const NOT_KEPT_TAG = 'not-kept';

/**
 * How long a reader's page is served from the cache at most: it also shows what time alone changes
 * (the security watch's window, follow-ups falling due), which no write marks.
 */
export const READER_PAGE_MAX_AGE_MS = 60_000;

/**
 * Whether Next's key is a reader's cached variant: it ends in the page's path, which starts with a
 * locale segment naming the reader (`/route-cache/APP_PAGE/<hash>/$/en~<user id>.<signature>/cached/…`).
 * @param {string} nextKey
 */
export const isReaderPageKey = (nextKey) => READER_PAGE_PATH.test(nextKey);

/** The part of a key that makes it a reader's page; as SQL (`~`) in the clean-up. */
export const READER_PAGE_PATH_PATTERN = '/[a-z]{2}~[0-9a-f-]{36}\\.[A-Za-z0-9_-]+/cached(/|$)';
const READER_PAGE_PATH = new RegExp(READER_PAGE_PATH_PATTERN);
