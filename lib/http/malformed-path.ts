import { isCleanText } from '../validation';

// A path whose percent-encoding does not decode (/en/needs/%FF), or decodes to a control
// character, names no page. Next.js would throw decoding it (a 500), in the proxy's rewrite as
// much as in a page's params, so the app's HTTP server hands Next the localised "not found" page's
// address instead (lib/http/app-request.ts) and the proxy answers such an API path with a JSON 404.

export function isMalformedPath(pathname: string): boolean {
  try {
    return !isCleanText(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}

/**
 * Where a malformed path is rewritten to: a path under the visitor's locale that no page has,
 * so app/[locale]/[...missing] answers with the translated not-found page and status 404.
 */
export function notFoundPathFor(pathname: string, locales: readonly string[], defaultLocale: string): string {
  const first = pathname.split('/')[1] ?? '';
  const locale = locales.includes(first) ? first : defaultLocale;
  return `/${locale}/not-found`;
}

/**
 * The request target Next is given for `url` (path and query, as received): the not-found
 * page's address for a malformed page path, else null (unchanged). Under /api the proxy answers
 * with a JSON 404, which Next reaches without decoding the path.
 */
export function notFoundTargetFor(url: string, locales: readonly string[], defaultLocale: string): string | null {
  const pathname = url.split('?')[0];
  if (pathname === '/api' || pathname.startsWith('/api/') || !isMalformedPath(pathname)) return null;
  return notFoundPathFor(pathname, locales, defaultLocale);
}
