import createIntlMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { isMalformedPath } from './lib/http/malformed-path';
import { outageResponse } from './lib/http/database-outage';
import { cachedPathFor, hasSessionCookie, isCachedPath } from './lib/cache/public-pages';
import { isReaderCachedPath, languageOfSegment, PREFETCH_MARK_HEADER, readerCachedPathFor, readerNamedIn, readerPageRead } from './lib/cache/reader-pages';
import { routing } from './lib/i18n/routing';
import {
  buildContentSecurityPolicy,
  isBodyTooLarge,
  isForeignOrigin,
  isHttpsRequest,
  securityHeadersFor,
} from './lib/security/http-policy';

// Runs before every request: refuses cross-site writes and oversized bodies, gives each page a
// fresh CSP nonce and (for pages) settles the locale. Authorisation is not done here: it lives
// in lib, where data is read.

const localise = createIntlMiddleware(routing);

export async function proxy(request: NextRequest) {
  const isHttps = isHttpsRequest(request.headers);
  const withSecurityHeaders = (response: NextResponse): NextResponse => {
    for (const [name, value] of Object.entries(securityHeadersFor({ isHttps }))) response.headers.set(name, value);
    return response;
  };
  // One-click unsubscribe is posted by mail providers from their own origin; it uses no cookie,
  // only the link's signature, so a cross-site post can do nothing a forged link could not.
  if (isForeignOrigin(request.method, request.headers) && request.nextUrl.pathname !== '/api/unsubscribe') {
    return withSecurityHeaders(NextResponse.json({ error: 'FORBIDDEN', messageKey: 'errors.foreignOrigin' }, { status: 403 }));
  }
  if (isBodyTooLarge(request.headers)) {
    return withSecurityHeaders(NextResponse.json({ error: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.payloadTooLarge' }, { status: 413 }));
  }

  const outage = await outageResponse(request);
  if (outage) return withSecurityHeaders(outage);

  // An address naming a reader (`/en~<user id>.<signature>/cached/…`) is a signed-in page kept for
  // that reader alone: served only to their own session, and only if it is one of those pages,
  // signed; anything else is not found, whoever asks — a percent-encoded first segment too, which
  // Next would decode into a reader's after this check. Next runs the proxy once per request, not
  // again after its rewrite: this covers such an address asked for directly.
  const { pathname } = request.nextUrl;
  const named = readerNamedIn(pathname);
  let notFoundFor: string | null = null;
  if (named !== null) {
    const { authSecret } = await import('./lib/auth/session');
    if (named.reader && isReaderCachedPath(pathname, routing.locales, authSecret()) && (await sessionActor(request))?.userId === named.reader) {
      return withSecurityHeaders(cachedResponse(NextResponse.next(), isHttps));
    }
    notFoundFor = `/${languageOfSegment(pathname.split('/')[1], routing.locales) ?? routing.defaultLocale}/not-found`;
  }
  // An anonymous read of a public page is served from Next's cache: the same page for every
  // visitor, so no nonce; its policy allows its inline scripts by hash and comes with the cached
  // entry (lib/cache/page-cache-handler.mjs, docs/decisions/018-public-pages-from-the-cache.md).
  // An address inside the cached variants asked for directly is served as it is (Next does not pass
  // a rewritten request through the proxy again).
  // A signed-in member's read of a page kept per reader goes to that page's variant for them, once
  // the proxy has checked their session (lib/cache/reader-pages.ts, decision 019).
  if (!notFoundFor && isCachedPath(pathname)) return withSecurityHeaders(cachedResponse(NextResponse.next(), isHttps));
  const cached = process.env.NODE_ENV === 'production' && !notFoundFor ? await cachedPathOf(request) : null;
  if (cached) {
    const localised = localise(request);
    if (localised.headers.has('location')) return withSecurityHeaders(localised);
    const response = NextResponse.rewrite(new URL(cached, request.url));
    for (const [name, value] of localised.headers) if (!name.startsWith('x-middleware-')) response.headers.append(name, value);
    return withSecurityHeaders(cachedResponse(response, isHttps));
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = buildContentSecurityPolicy(nonce, {
    isDevelopment: process.env.NODE_ENV === 'development',
    isHttps,
  });
  // Next reads the policy from the request to put the nonce on its own scripts; next-intl
  // forwards the request headers it is given, so both travel on to the page.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const forwarded = new NextRequest(request, { headers: requestHeaders });
  // A malformed page path never gets here: the app's HTTP server gives Next the not-found page's
  // address instead (lib/http/app-request.ts); an API path gets its JSON 404 here.
  const response = notFoundFor
    ? NextResponse.rewrite(new URL(notFoundFor, request.url), { request: { headers: requestHeaders } })
    : isApi(request.nextUrl.pathname)
    ? isMalformedPath(request.nextUrl.pathname)
      ? NextResponse.json({ error: { code: 'NOT_FOUND', status: 404, messageKey: 'errors.NOT_FOUND' } }, { status: 404 })
      : NextResponse.next({ request: { headers: requestHeaders } })
    : localise(forwarded);
  response.headers.set('Content-Security-Policy', policy);
  return withSecurityHeaders(response);
}

/** The cached variant a read is served from (public, or the reader's own), or null to render it. */
async function cachedPathOf(request: NextRequest): Promise<string | null> {
  const { method, nextUrl: { pathname, search } } = request;
  const hasSession = hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name));
  if (!hasSession) return cachedPathFor({ method, pathname, search, hasSession }, routing.locales);
  // Only a read of a page kept per reader is worth the session's database read here.
  const isPrefetch = request.headers.has(PREFETCH_MARK_HEADER);
  if (!readerPageRead({ method, pathname, search, isPrefetch }, routing.locales)) return null;
  const actor = await sessionActor(request);
  const { authSecret } = await import('./lib/auth/session');
  return actor ? readerCachedPathFor({ method, pathname, search, isPrefetch }, actor, routing.locales, authSecret()) : null;
}

/** The session's user, checked against the database as a page would (lib/auth/session.ts). */
async function sessionActor(request: NextRequest) {
  // Imported here: the rest of the proxy needs no database.
  const [{ db }, { actorFromCookies }] = await Promise.all([import('./lib/db'), import('./lib/auth/session')]);
  return actorFromCookies(db, request.cookies);
}

/** A page from the cache: its policy comes with the cached entry, without a nonce. */
function cachedResponse(response: NextResponse, isHttps: boolean): NextResponse {
  // The cached policy cannot know the scheme, so this one upgrades https pages' requests.
  if (isHttps) response.headers.set('Content-Security-Policy', 'upgrade-insecure-requests');
  // Cached here, not in browsers or shared proxies: only this cache hears of invalidations.
  response.headers.set('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  return response;
}

function isApi(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

export const config = {
  // Built assets and the app icons need no nonce; everything else, API included, passes
  // through, so a path like /unknown.php also gets the translated not-found page. maps/ holds
  // the map's boundaries (public/maps, cached for a year by next.config.js).
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|maps/).*)' }],
};
