import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../generated/prisma/enums';
import { CACHED_SEGMENT } from './public-pages';

// The signed-in pages a member reads most are served from Next's cache too, one entry per reader
// (docs/decisions/019-signed-in-pages-from-the-cache.md). proxy.ts checks the session, then sends
// the read to the page's cached variant under a locale segment that names the reader —
// `/en~<user id>.<signature>/cached/facilitator/matches` — which renders statically as that reader:
// the root layout (the header) and the page both read the reader from the segment, since a static
// render has no cookies. The proxy answers any address naming a reader who is not the session's
// user with 404, so an entry is only ever served to the person it was rendered for. The signature
// (an HMAC under the session secret) is a second lock: a render honours only a segment the proxy
// could have written, so a gap in the proxy's checks costs a 404, never another member's page.

/** Between the locale and the reader's id in the locale segment of a reader's cached variant. */
export const READER_MARK = '~';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID_ONLY = new RegExp(`^${UUID}$`);

/**
 * The signed-in pages kept per reader, as their public paths (after the locale) with the roles the
 * page is for; `:id` is a uuid. Only addresses without a query: filters, later pages and `?explain`
 * are rendered per request.
 */
const READER_PAGES: readonly { path: string; roles: readonly Role[] }[] = [
  { path: 'facilitator/matches', roles: ['FACILITATOR', 'ADMIN'] },
  { path: 'facilitator/matches/:id', roles: ['FACILITATOR', 'ADMIN'] },
  { path: 'facilitator/dashboard', roles: ['FACILITATOR', 'ADMIN'] },
  { path: 'company/recommended', roles: ['COMPANY_REP'] },
  { path: 'municipality/needs', roles: ['MUNICIPALITY_REP'] },
  { path: 'needs/:id', roles: ['COMPANY_REP', 'MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN'] },
];

const matches = (pattern: string, parts: string[]) => {
  const wanted = pattern.split('/');
  return wanted.length === parts.length && wanted.every((part, i) => (part === ':id' ? UUID_ONLY.test(parts[i]) : part === parts[i]));
};

type PageRead = { method: string; pathname: string; search: string; isPrefetch: boolean };

/**
 * The page kept per reader that a request reads, whoever reads it, or null. Only reads (GET, HEAD)
 * without a query that are not prefetches: a prefetch would render, and store, every card a list
 * links to the first time the list is seen.
 */
export function readerPageRead(request: PageRead, locales: readonly string[]): { locale: string; path: string; roles: readonly Role[] } | null {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.isPrefetch || request.search !== '') return null;
  const [, locale, ...rest] = request.pathname.split('/');
  if (!locale || !locales.includes(locale)) return null;
  const page = READER_PAGES.find((candidate) => matches(candidate.path, rest));
  return page ? { locale, path: rest.join('/'), roles: page.roles } : null;
}

/**
 * Where a signed-in reader's request is served from the cache: the internal path of the page's
 * variant for this reader, or null to render it for them (not a page kept per reader, or not one
 * for their role).
 */
export function readerCachedPathFor(request: PageRead, reader: { userId: string; role: Role }, locales: readonly string[], secret: string): string | null {
  const read = readerPageRead(request, locales);
  if (!read || !read.roles.includes(reader.role) || !UUID_ONLY.test(reader.userId)) return null;
  return `/${read.locale}${READER_MARK}${reader.userId}.${signatureOf(reader.userId, secret)}/${CACHED_SEGMENT}/${read.path}`;
}

/** The reader's signature in their segment: 128 bits of an HMAC-SHA256 under the session secret. */
function signatureOf(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(`kakehashi reader page\0${userId}`).digest().subarray(0, 16).toString('base64url');
}

function isSignatureOf(signature: string, userId: string, secret: string): boolean {
  const [given, wanted] = [Buffer.from(signature), Buffer.from(signatureOf(userId, secret))];
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Next takes its prefetch headers off a request before proxy.ts sees it; the app's HTTP server
 * copies what they say into this one (lib/http/app-request.ts), which proxy.ts can read. A client
 * that sends it only keeps its own reads out of the cache.
 */
export const PREFETCH_MARK_HEADER = 'x-kakehashi-prefetch';

/**
 * The locale segment split into the language and, in a reader's cached variant, the reader — whose
 * signature must hold under `secret`. A segment that is neither a locale nor a locale followed by a
 * signed reader has no language.
 */
export function splitLocaleSegment(segment: string, locales: readonly string[], secret: string): { locale: string | null; reader: string | null } {
  const at = segment.indexOf(READER_MARK);
  if (at === -1) return { locale: locales.includes(segment) ? segment : null, reader: null };
  const locale = segment.slice(0, at);
  const [reader, signature, ...more] = segment.slice(at + 1).split('.');
  const valid = locales.includes(locale) && UUID_ONLY.test(reader) && signature !== undefined && more.length === 0 && isSignatureOf(signature, reader, secret);
  return valid ? { locale, reader } : { locale: null, reader: null };
}

/** The language a locale segment is in, signed or not, for what shows no reader's data (a title). */
export function languageOfSegment(segment: string, locales: readonly string[]): string | null {
  const locale = segment.split(READER_MARK)[0];
  return locales.includes(locale) ? locale : null;
}

/**
 * For the proxy: whether an address must be checked as naming a reader — its first segment has the
 * reader mark, or is percent-encoded (Next decodes the segment after the proxy, so `en%7E<id>` would
 * reach the page as `en~<id>`; no address we write encodes it) — and the reader it names, if any.
 */
export function readerNamedIn(pathname: string): { reader: string | null } | null {
  const first = pathname.split('/')[1] ?? '';
  if (first.includes('%')) return { reader: null };
  if (!first.includes(READER_MARK)) return null;
  return { reader: first.slice(first.indexOf(READER_MARK) + 1).split('.')[0] || null };
}

/** Whether an address is a reader's cached variant of one of the pages kept per reader, signed. */
export function isReaderCachedPath(pathname: string, locales: readonly string[], secret: string): boolean {
  const [, first, cached, ...rest] = pathname.split('/');
  const { reader } = splitLocaleSegment(first ?? '', locales, secret);
  return reader !== null && cached === CACHED_SEGMENT && READER_PAGES.some((page) => matches(page.path, rest));
}
