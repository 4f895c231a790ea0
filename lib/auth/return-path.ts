import { LOCALES } from '../i18n/routing';

const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join('|')})(?=/|$)`);
// Never a real host: paths are resolved against it only to see where a browser would go.
const OWN_ORIGIN = 'http://return-path.invalid';
// Control characters (CR/LF split a Location header) and backslashes (browsers read them as
// slashes) have no place in a path of ours.
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;
const MAX_LENGTH = 2048;

/**
 * Only paths on this site: a callback URL must not send someone to another site after
 * sign-in. The value is resolved the way a browser would resolve it (so `/..//host` and
 * `/%2e%2e//host` are seen for what they are) and only a normalised, percent-encoded
 * path + search + hash on our own origin comes back — safe for a Location header and for the
 * client router. The result has no locale prefix: the locale-aware router adds the current one.
 */
export function safeReturnPath(value: unknown, fallback = '/start'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > MAX_LENGTH || FORBIDDEN.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = (url.pathname.replace(LOCALE_PREFIX, '') || '/') + url.search + url.hash;
  // `//host` (or `/\host`) is a protocol-relative URL to a router or a Location header.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return path;
}
