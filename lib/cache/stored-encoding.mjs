// How a cached page's stored compressed copies reach the responses (and those of the one route
// kept like a page, the map's data): the app's HTTP server (lib/http/response-encoding.ts) says
// which stored encoding each request accepts and keeps the request waiting for copies until its
// response is decided; the page cache handler (page-cache-handler.mjs) reads the copies with the
// entry, or makes them as a render stores its page, and offers them to the requests waiting; the
// server sends one if Next answers with exactly the entry's HTML (a page) or body (the route). Plain JavaScript:
// Next loads the handler without compiling it. Nothing outlives the requests it was offered to.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The route kept like a page, with stored copies of its body: the public map's data in one of the
 * site's languages (app/api/map/needs/[locale]). Matches its path, and the end of its cache key.
 */
export const KEPT_ROUTE = /\/api\/map\/needs\/(?:en|ja|uk)$/;

/** The encodings a cache entry is stored in, in the order the server prefers them. */
export const STORED_ENCODINGS = /** @type {const} */ (['br', 'gzip']);

/**
 * @typedef {'br' | 'gzip'} StoredEncoding
 * @typedef {({ html: string; body?: undefined } | { body: Buffer; html?: undefined }) & Partial<Record<StoredEncoding, Buffer>>} StoredCopies
 *   An entry's HTML (a page) or body (a route's response), and its stored copies.
 * @typedef {{ encoding: StoredEncoding | null; offered: StoredCopies[] }} EncodingScope One request's.
 */

// This file is loaded twice in one process: inlined into the compiled server (.next/app-server.mjs,
// esbuild) and by Next for the handler. Whatever both halves use therefore lives on globalThis,
// under one key; a module-level variable would be two (in session 7 the copies read for
// concurrent requests went into the handler's, the server looked in its own — always empty).
const GLOBAL_KEY = Symbol.for('kakehashi.page-cache.stored-copies');
/** @typedef {{ scope: AsyncLocalStorage<EncodingScope>; waiting: Set<EncodingScope> }} Shared */
const globalSlots = /** @type {Record<symbol, Shared | undefined>} */ (/** @type {unknown} */ (globalThis));
const shared = (globalSlots[GLOBAL_KEY] ??= { scope: new AsyncLocalStorage(), waiting: new Set() });

/** The request being handled, for the handler deep inside Next. */
export const encodingScope = shared.scope;

/**
 * The server: this request accepts a stored encoding and waits for copies until its response is
 * decided (`stopWaiting`, at the latest when it closes).
 * @param {EncodingScope} scope
 */
export function waitForStoredCopies(scope) {
  shared.waiting.add(scope);
}

/**
 * The server: the response is decided (or gone); what was offered to it is let go.
 * @param {EncodingScope} scope
 */
export function stopWaiting(scope) {
  shared.waiting.delete(scope);
  scope.offered.length = 0;
}

/** The handler: whether any request in flight accepts a stored encoding (else no copy is read). */
export function anyRequestWaiting() {
  return shared.waiting.size > 0;
}

/**
 * The handler: offers the copies read with an entry, or made by a render as it stores the entry
 * (which Next answers every request in that render's batch with), to every request now waiting. Next's response
 * cache reads an entry once for all the requests of a page that arrive while that read is under
 * way (its batcher: under load, most hits) and answers them all with its HTML, without a read of
 * their own — so each of them is in flight, and waiting, when the read returns. A request keeps
 * the offer (a reference: the copies are not copied) until its response is decided; when the last
 * of them is, nothing holds the copies. Not a cache: a request that starts later reads for itself.
 * @param {StoredCopies} copies
 */
export function offerToWaitingRequests(copies) {
  for (const scope of shared.waiting) if (scope.encoding && copies[scope.encoding]) scope.offered.push(copies);
}

/**
 * The server: the copy, in the encoding this request accepts, of exactly this HTML, if one was offered.
 * @param {EncodingScope} scope
 * @param {string} html
 * @returns {Buffer | undefined}
 */
export function storedCopyOf(scope, html) {
  if (!scope.encoding) return undefined;
  for (const copies of scope.offered) if (copies.html === html) return copies[scope.encoding];
  return undefined;
}

/**
 * The server: the copy, in the encoding this request accepts, of exactly this route body, if one was offered.
 * @param {EncodingScope} scope
 * @param {Buffer} body
 * @returns {Buffer | undefined}
 */
export function storedBodyCopyOf(scope, body) {
  if (!scope.encoding) return undefined;
  for (const copies of scope.offered) if (copies.body && copies.body.equals(body)) return copies[scope.encoding];
  return undefined;
}

/**
 * The server: whether a body of `length` bytes was offered, before it puts a held body together.
 * @param {EncodingScope} scope
 * @param {number} length
 */
export function bodyOfLengthOffered(scope, length) {
  return scope.offered.some((copies) => copies.body?.length === length);
}

