// How a cached page's stored compressed copy reaches the response, within one request: the app's
// HTTP server (lib/http/response-encoding.ts) says which stored encoding the client accepts, the
// page cache handler (page-cache-handler.mjs) reads that copy with the entry and leaves it here,
// and the server sends it if Next answers with exactly the entry's HTML. Plain JavaScript: Next
// loads the handler without compiling it. Nothing outlives the request.
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
