// How a cached page's stored compressed copy reaches the response, within one request: the app's
// HTTP server (lib/http/response-encoding.ts) says which stored encoding the client accepts, the
// page cache handler (page-cache-handler.mjs) reads that copy with the entry and leaves it here,
// and the server sends it if Next answers with exactly the entry's HTML. Plain JavaScript: Next
// loads the handler without compiling it. Nothing outlives the turn of the event loop it was read in.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The encodings a cache entry is stored in, in the order the server prefers them. */
export const STORED_ENCODINGS = /** @type {const} */ (['br', 'gzip']);

/**
 * @typedef {'br' | 'gzip'} StoredEncoding
 * @typedef {{ html: string; encoding: StoredEncoding; body: Buffer }} StoredBody
 * @typedef {{ encoding: StoredEncoding | null; stored?: StoredBody }} EncodingScope
 */

// One instance per process, whichever loader (tsx for the server, Next's for the handler) loads
// this file: the scope set by one must be the scope read by the other.
const GLOBAL_KEY = Symbol.for('kakehashi.page-cache.stored-encoding');
const globalScope = /** @type {Record<symbol, AsyncLocalStorage<EncodingScope> | undefined>} */ (/** @type {unknown} */ (globalThis));

/** @type {AsyncLocalStorage<EncodingScope>} */
export const encodingScope = (globalScope[GLOBAL_KEY] ??= new AsyncLocalStorage());

/**
 * Next's response cache reads an entry once for all the requests of a page that arrive together
 * (its batcher): the handler is asked by the first, and the others are answered with the same HTML
 * without their own read — under load, most hits. The copy read for the first is therefore also
 * offered, for the rest of this turn of the event loop only, to those others: they end within it,
 * on the same read's result. Not a cache: the next turn starts empty, and a request that finds
 * nothing compresses its response itself.
 * @type {Map<string, StoredBody>}
 */
const readThisTurn = new Map();

/** @param {StoredBody} stored */
export function shareWithConcurrentRequests(stored) {
  if (readThisTurn.size === 0) setImmediate(() => readThisTurn.clear());
  readThisTurn.set(stored.html, stored);
}

/**
 * The copy read this turn for exactly this HTML in this encoding, if any.
 * @param {string} html
 * @param {StoredEncoding} encoding
 */
export function storedCopyReadThisTurn(html, encoding) {
  const stored = readThisTurn.get(html);
  return stored?.encoding === encoding ? stored : undefined;
}
