// The public pages an anonymous visitor reads are rendered once and served from Next's cache
// (lib/cache/page-cache-handler.mjs, docs/decisions/018-public-pages-from-the-cache.md). proxy.ts
// sends such a request to the same page under app/[locale]/cached, which renders statically (no
// cookies, no nonce); a signed-in visitor, or any other address, gets the page rendered for them
// as before — for page loads and client navigations alike.

/** The internal segment the cached variants live under; never a public address of its own. */
export const CACHED_SEGMENT = 'cached';

/**
 * Where a request is served from the cache: the internal path of its cached variant, or null to
 * render it for this visitor. Only reads (GET, HEAD) by visitors without a session cookie, of
 * the home page, the needs list (any page) and map without filters, and a need's page without a query.
 */
export function cachedPathFor(
  request: { method: string; pathname: string; search: string; hasSession: boolean },
  locales: readonly string[],
): string | null {
  if (request.hasSession || (request.method !== 'GET' && request.method !== 'HEAD')) return null;
  // Client navigations and prefetches (RSC requests) go the same way: Next takes their flight
  // headers (`rsc`, the router state) and `_rsc` off the request before the proxy sees it, so
  // they cannot be told apart here, and need not be: the cached entry holds the page's RSC payload
  // and prefetch segments beside its HTML, and Next answers an RSC request with those (the router
  // state tree then names the `cached` segment, which the client router follows like any other;
  // tests/e2e/public-cache.spec.ts navigates through the cached pages). The payload is the same
  // for every anonymous visitor, as the HTML is; `Vary: rsc, …` keeps the two apart.
  const [, locale, ...rest] = request.pathname.split('/');
  if (!locale || !locales.includes(locale)) return null;
  const query = new URLSearchParams(request.search);
  const only = (...keys: string[]) => [...query.keys()].every((key) => keys.includes(key));
  const path = rest.join('/');
  if (path === '' && query.size === 0) return `/${locale}/${CACHED_SEGMENT}`;
  if (path === 'needs' && query.size === 0) return `/${locale}/${CACHED_SEGMENT}/needs`;
  // A later page of the list, written as the list's own links write it (a plain page number).
  if (path === 'needs' && only('page') && query.getAll('page').length === 1 && isListPageNumber(query.get('page')!)) {
    const page = query.get('page')!;
    return page === '1' ? `/${locale}/${CACHED_SEGMENT}/needs` : `/${locale}/${CACHED_SEGMENT}/needs/page/${page}`;
  }
  if (path === 'needs' && only('view') && query.getAll('view').join() === 'map') return `/${locale}/${CACHED_SEGMENT}/needs/map`;
  if (rest.length === 2 && rest[0] === 'needs' && /^[0-9a-f-]{36}$/.test(rest[1]) && query.size === 0) return `/${locale}/${CACHED_SEGMENT}/needs/${rest[1]}`;
  return null;
}

/**
 * Whether the request carries a session, valid or not (next-auth's cookie, secure or not, whole or
 * in chunks): such a visitor gets the page rendered for them, which also checks the session.
 */
export function hasSessionCookie(names: string[]): boolean {
  return names.some((name) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(name));
}

/**
 * A page number as the needs list's own links write it (1–9999, no sign, no leading zero): the only
 * form with a cached entry, so numbers anyone invents (`02`, `abc`, `2.0`) leave no entries — by
 * the proxy's routing and by the cached route itself, which a request can name directly.
 */
export function isListPageNumber(page: string): boolean {
  return /^[1-9]\d{0,3}$/.test(page);
}

/** An address inside the cached variants, asked for directly: it is not a page. */
export function isCachedPath(pathname: string): boolean {
  return pathname.split('/')[2] === CACHED_SEGMENT;
}
