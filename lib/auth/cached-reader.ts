import { cache } from 'react';

// Who a reader's cached variant of a page is rendered for (lib/cache/reader-pages.ts). A static
// render has no cookies, so the root layout, the page and its metadata each say it first, from the
// locale segment that names the reader — on a client navigation the page may render without its
// layout. Held per render (React's cache), never between requests.

const slot = cache((): { reader: string | null } => ({ reader: null }));

/** Renders this request as `userId`'s page. A second, different reader in one render is a bug. */
export function renderFor(userId: string): void {
  const held = slot();
  if (held.reader !== null && held.reader !== userId) throw new Error(`One render for two readers (${held.reader}, ${userId})`);
  held.reader = userId;
}

/** The reader this render is for, or null when it is for whoever the request's cookies name. */
export function readerOfRender(): string | null {
  return slot().reader;
}
