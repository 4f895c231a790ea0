import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import Negotiator from 'negotiator';
import { cachedPathFor, hasSessionCookie } from '../cache/public-pages';
import { LOCALES } from '../i18n/routing';
import { coalesceWrites } from './coalesce-writes';
import { readerPageRead } from '../cache/reader-pages';
import { bodyOfLengthOffered, encodingScope, KEPT_ROUTE, STORED_ENCODINGS, stopWaiting, storedBodyCopyOf, storedCopyOf, waitForStoredCopies, type EncodingScope, type StoredEncoding } from '../cache/stored-encoding.mjs';

// Compression of every response, done by the app's HTTP server instead of Next (next.config.js
// `compress: false`). Next compressed each response itself at zlib's default level — for a page
// served from the cache, the same HTML again on every hit, which doubled the CPU a hit costs
// (docs/benchmarks/pages.md, session 6). Now:
// - a cached page goes out as the copy compressed once when it was stored (PageCacheEntry's
//   htmlBrotli/htmlGzip, read with the entry by lib/cache/page-cache-handler.mjs, or offered by the
//   render that stores them to the responses Next answers with that render), when the
//   client accepts that encoding and Next answers with exactly the entry's HTML; so does the
//   public map's data (a cached route), when Next's body is exactly the entry's;
// - everything else (pages rendered per request, streamed or not, RSC payloads, scripts, JSON)
//   is compressed as it is sent, by the same `compression` middleware Next used, at levels cheap
//   enough to pay per response.

/** Per response: cheap levels (gzip 6 → 4, brotli 4) for what cannot be compressed ahead. */
const compress = compression({
  level: 4,
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
});

/** The stored encoding the request accepts (brotli before gzip), or null. */
export function storedEncodingFor(request: Pick<IncomingMessage, 'headers'>): StoredEncoding | null {
  if (!request.headers['accept-encoding']) return null;
  // negotiator 0.6.4 takes the server's preference for ties (browsers list gzip first, at equal
  // weight) as a second argument, as `compression` passes it; @types/negotiator predates it.
  const encoding = Negotiator.prototype.encoding as (this: Negotiator, available: string[], preferred: string[]) => string | undefined;
  const chosen = encoding.call(new Negotiator(request), [...STORED_ENCODINGS, 'identity'], [...STORED_ENCODINGS]);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/**
 * Runs `handle` (Next) with the response compressed: the stored copy for a cached page, else
 * compressed as it is written. Until its response is decided, a request that accepts a stored
 * encoding waits for the copies the cache handler offers — its own read's, the read Next answers
 * it from, or the render Next answers it with (lib/cache/stored-encoding.mjs).
 */
export function withResponseEncoding(request: IncomingMessage, response: ServerResponse, handle: () => void): void {
  const scope: EncodingScope = { encoding: storedEncodingFor(request), offered: [] };
  // Underneath the compression: headers flushed on their own go out with what follows them in the
  // same turn — an uncompressed response's first piece; a compressed one's arrives from zlib later.
  coalesceWrites(response);
  compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => {});
  if (scope.encoding && mayBeCachedPage(request)) {
    waitForStoredCopies(scope);
    response.once('close', () => stopWaiting(scope));
    sendStoredCopy(request, response, scope);
  } else if (scope.encoding && isCachedMapData(request)) {
    waitForStoredCopies(scope);
    response.once('close', () => stopWaiting(scope));
    sendStoredBody(request, response, scope);
  }
  encodingScope.run(scope, handle);
}

/**
 * Whether Next may answer this request with a cached page's HTML: an anonymous read of a public
 * page (the proxy's own rule, cachedPathFor), or a signed-in read of a page kept per reader
 * (readerPageRead: whether the session holds is the proxy's to say, and a read it renders instead
 * only waits for nothing), and not a client navigation or prefetch, whose answer is the entry's
 * RSC payload. Only such requests wait for stored copies: the copies an entry's read offers are
 * held by the requests waiting, so an action, an API call or another signed-in page would hold them
 * for nothing. A copy goes out only for a response that is exactly its HTML, so a request is never
 * sent bytes other than its own page's.
 */
function mayBeCachedPage(request: IncomingMessage): boolean {
  if (request.headers.rsc !== undefined || request.headers['next-router-prefetch'] !== undefined) return false;
  const url = new URL(request.url ?? '/', 'http://app.invalid');
  if (url.searchParams.has('_rsc')) return false;
  const cookies = (request.headers.cookie ?? '').split(';').map((pair) => pair.split('=')[0].trim());
  const read = { method: request.method ?? 'GET', pathname: url.pathname, search: url.search, hasSession: hasSessionCookie(cookies) };
  if (read.hasSession) return readerPageRead({ ...read, isPrefetch: request.headers['next-router-segment-prefetch'] !== undefined }, LOCALES) !== null;
  return cachedPathFor(read, LOCALES) !== null;
}

/** A read of the public map's data, which Next answers from its cache (app/api/map/needs/[locale]). */
function isCachedMapData(request: IncomingMessage): boolean {
  if (request.method !== 'GET') return false;
  const { pathname } = new URL(request.url ?? '/', 'http://app.invalid');
  return pathname.startsWith('/api/map/needs/') && KEPT_ROUTE.test(pathname);
}

/**
 * A cached route's body is streamed by Next (headers flushed, then its chunks, each flushed): it is
 * held here instead, headers included, until the response ends; if it is exactly the body a stored
 * copy was offered for, that copy goes out whole, else the body goes on, whole (its length known,
 * as for any one-piece response), to the per-response compression. Only for the map's data, whose
 * body is a few hundred KB at most. While held, Next sees no headers sent: a failure it would
 * answer with an error page after part of a streamed body cannot arise from a body already in
 * memory, as this one is.
 */
function sendStoredBody(request: IncomingMessage, response: ServerResponse, scope: EncodingScope): void {
  const { write, end, flushHeaders } = response;
  const withFlush = response as ServerResponse & { flush?: () => void };
  const flush = withFlush.flush;
  const held: Buffer[] = [];
  let holding = true;
  const release = () => {
    if (!holding) return;
    holding = false;
    response.flushHeaders = flushHeaders;
    withFlush.flush = flush;
    stopWaiting(scope);
    for (const chunk of held.splice(0)) (write as (chunk: Buffer) => boolean).call(response, chunk);
  };
  response.flushHeaders = function (this: ServerResponse) {
    if (!holding) flushHeaders.call(this);
  };
  withFlush.flush = function (this: ServerResponse) {
    if (!holding) flush?.call(this);
  };
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    const [chunk] = args;
    if (holding && chunk instanceof Uint8Array && args.length === 1) {
      held.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      return true;
    }
    release();
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const ends = args.length === 0 || typeof args[0] === 'function';
    if (!holding || !ends || held.length === 0) {
      release();
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    }
    const length = held.reduce((sum, chunk) => sum + chunk.length, 0);
    // Put together only when an offered body is as long: a miss or an error is not copied for nothing.
    const body = bodyOfLengthOffered(scope, length) ? (held.length === 1 ? held[0] : Buffer.concat(held)) : null;
    const stored = body ? storedBodyCopyOf(scope, body) : undefined;
    const encoding = scope.encoding;
    holding = false;
    response.flushHeaders = flushHeaders;
    withFlush.flush = flush;
    stopWaiting(scope);
    if (stored && encoding && labelAsStoredCopy(response, stored, encoding)) {
      return (end as (...a: unknown[]) => ServerResponse).call(this, stored, ...args);
    }
    return (end as (...a: unknown[]) => ServerResponse).call(this, body ?? (held.length === 1 ? held[0] : Buffer.concat(held)), ...args);
  } as ServerResponse['end'];
}

/**
 * Replaces Next's one-piece body (how a page from the cache is sent: headers, then `end(html)`)
 * by the stored compressed copy of that very HTML. Anything else — a streamed render, a 304, a
 * HEAD, another status, a body that differs from the entry's by a byte — goes on unchanged to the
 * per-response compression underneath.
 */
function sendStoredCopy(request: IncomingMessage, response: ServerResponse, scope: EncodingScope): void {
  const write = response.write;
  const end = response.end;
  let wrote = false;
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    // A streamed response never goes out as a stored copy: nothing more to wait for.
    if (!wrote) stopWaiting(scope);
    wrote = true;
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const [chunk] = args;
    // Read for this request, by the read Next answered it from, or made by the render it answered it with.
    const stored = typeof chunk === 'string' ? storedCopyOf(scope, chunk) : undefined;
    const encoding = scope.encoding;
    stopWaiting(scope);
    if (stored && encoding && !wrote && typeof chunk === 'string' && request.method === 'GET' && labelAsStoredCopy(response, stored, encoding)) {
      return (end as (...a: unknown[]) => ServerResponse).call(this, stored);
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];
}

/**
 * Whether a stored copy may replace the body of this response (a 200 whose headers have not gone,
 * not encoded yet, not marked no-transform), and if so, labels it as that copy.
 */
function labelAsStoredCopy(response: ServerResponse, stored: Buffer, encoding: StoredEncoding): boolean {
  if (
    response.statusCode !== 200 ||
    response.headersSent ||
    response.getHeader('content-encoding') ||
    /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(response.getHeader('cache-control') ?? ''))
  ) return false;
  response.setHeader('Content-Encoding', encoding);
  response.setHeader('Content-Length', stored.length);
  appendVary(response, 'Accept-Encoding');
  return true;
}

function appendVary(response: ServerResponse, field: string): void {
  const current = response.getHeader('vary');
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((part) => part.trim()).filter(Boolean);
  if (fields.some((name) => name === '*' || name.toLowerCase() === field.toLowerCase())) return;
  response.setHeader('Vary', [...fields, field].join(', '));
}
