import { isCleanText } from '../validation';

// A path whose percent-encoding does not decode (/en/needs/%FF), or decodes to a control
// character, names no page. Next.js would throw decoding it into the page's params (a 500);
// the proxy sends it to the localised "not found" page instead.

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
