import { IncomingMessage, type IncomingHttpHeaders, type RequestListener, type ServerResponse } from 'node:http';
import { MAX_BODY_BYTES, SECURITY_HEADERS } from '../security/http-policy';
import { LOCALES, DEFAULT_LOCALE } from '../i18n/routing';
import { clientAddressOf, forwardedHostOf, protocolOf, type ProxyTrust } from './client-address';
import { notFoundTargetFor } from './malformed-path';
import { PREFETCH_MARK_HEADER } from '../cache/reader-pages';

// What the app's HTTP server does to every request before Next sees it. Next itself fills
// X-Forwarded-* only when they are absent, so without this a client could name any address
// (and dodge the per-address limits) or claim https.

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export type AppRequestOptions = { trust: ProxyTrust; maxBodyBytes?: number };

export function createAppRequestListener(handle: Handler, options: AppRequestOptions): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return (request, response) => {
    rewriteForwardingHeaders(request, options.trust);
    markPrefetch(request);
    const notFound = notFoundTargetFor(request.url ?? '/', LOCALES, DEFAULT_LOCALE);
    if (notFound) request.url = notFound;
    if (!hasUndeclaredBody(request)) {
      void handle(request, response);
      return;
    }
    // A declared Content-Length over the limit is refused by proxy.ts; a chunked body declares
    // nothing, so it is counted here while it arrives and handed on only if it fits.
    readUpTo(request, maxBodyBytes).then(
      (body) => (body ? void handle(withBody(request, body), response) : refuseTooLarge(request, response)),
      () => request.destroy(),
    );
  };
}

/** Overwrites what a client may have written with what the socket and TRUSTED_PROXIES establish. */
export function rewriteForwardingHeaders(request: IncomingMessage, trust: ProxyTrust): void {
  const address = clientAddressOf(request, trust);
  const protocol = protocolOf(request, trust);
  const host = forwardedHostOf(request, trust);
  for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'forwarded']) {
    delete request.headers[name];
  }
  if (address) request.headers['x-forwarded-for'] = address;
  request.headers['x-forwarded-proto'] = protocol;
  if (host) request.headers['x-forwarded-host'] = host;
}

/**
 * Says whether the request is one of Next's prefetches in a header proxy.ts can read (Next takes
 * its own off first): a prefetch is not served from the pages kept per reader
 * (lib/cache/reader-pages.ts). Whatever a client wrote there is replaced.
 */
export function markPrefetch(request: IncomingMessage): void {
  delete request.headers[PREFETCH_MARK_HEADER];
  if (request.headers['next-router-prefetch'] !== undefined || request.headers['next-router-segment-prefetch'] !== undefined) {
    request.headers[PREFETCH_MARK_HEADER] = '1';
  }
}

function hasUndeclaredBody(request: IncomingMessage): boolean {
  return request.headers['content-length'] === undefined && request.headers['transfer-encoding'] !== undefined;
}

/** The whole body, or null as soon as it passes `limit` bytes. */
function readUpTo(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

/** The same request with its (now known) body replayed, declared with a Content-Length. */
function withBody(original: IncomingMessage, body: Buffer): IncomingMessage {
  const request = new IncomingMessage(original.socket);
  request.method = original.method;
  request.url = original.url;
  request.httpVersionMajor = original.httpVersionMajor;
  request.httpVersionMinor = original.httpVersionMinor;
  request.httpVersion = original.httpVersion;
  const headers: IncomingHttpHeaders = { ...original.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  request.headers = headers;
  request.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).flatMap((item) => [name, item]),
  );
  request.push(body);
  request.push(null);
  // Otherwise Node treats the replay, once consumed and destroyed, as aborted and closes the socket.
  request.complete = true;
  return request;
}

function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({ error: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.payloadTooLarge' });
  response.writeHead(413, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    // The rest of the body is discarded unread, so the connection cannot carry another request.
    Connection: 'close',
  });
  response.end(body);
  request.resume();
}
