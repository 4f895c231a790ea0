import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { anyRequestWaiting, offerToWaitingRequests } from '../../lib/cache/stored-encoding.mjs';
import { storedEncodingFor, withResponseEncoding } from '../../lib/http/response-encoding';

// The app server's compression (lib/http/response-encoding.ts), on a real HTTP server with a
// stand-in for Next: a page from the cache goes out as its stored compressed copy only when the
// body Next sends is exactly the stored page's HTML; anything else is compressed as it is sent.

const HTML = `<!doctype html><html><body>${'<p>a need in a hromada</p>'.repeat(400)}</body></html>`;
/** Stored copies made differently from the server's own per-response compression, to tell them apart. */
const STORED = {
  br: brotliCompressSync(HTML, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  gzip: gzipSync(HTML, { level: 9 }),
};

type Next = (request: IncomingMessage, response: ServerResponse) => void;
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A server whose "Next" first does what the cache handler does on a hit: offers the stored copies to the requests waiting. */
async function serve(next: Next, { stored = true } = {}): Promise<string> {
  const server = createServer((request, response) =>
    withResponseEncoding(request, response, () => {
      if (stored) offerToWaitingRequests({ html: HTML, ...STORED });
      next(request, response);
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A public page an anonymous visitor may be served from the cache: only those wait for copies.
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/en/needs`;
}

type Bytes = { status: number; headers: IncomingHttpHeaders; body: Buffer };
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<Bytes>((resolve, reject) => {
    httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
const decoded = ({ headers, body }: Bytes) =>
  (headers['content-encoding'] === 'br' ? brotliDecompressSync(body) : headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString();

/** Next sending a page from its cache: headers, then the whole body at once. */
const page = (body: string): Next => (_request, response) => {
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('ETag', '"page"');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
};

describe('the stored encoding a request accepts', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.4', 'gzip'],
    ['deflate', null],
    ['identity', null],
    ['', null],
  ])('%j → %s', (header, expected) => {
    expect(storedEncodingFor({ headers: header ? { 'accept-encoding': header } : {} })).toBe(expected);
  });
});

describe('responses through the app server’s compression', () => {
  it('sends the stored copy, whole and sized, when Next answers with exactly the stored HTML', async () => {
    const url = await serve(page(HTML));
    for (const encoding of ['br', 'gzip'] as const) {
      const response = await get(url, { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.body.equals(STORED[encoding])).toBe(true);
      expect(Number(response.headers['content-length'])).toBe(STORED[encoding].length);
      expect(response.headers.vary).toBe('Accept-Encoding');
      expect(response.headers.etag).toBe('"page"');
      expect(decoded(response)).toBe(HTML);
    }
  });

  it('compresses as it sends, and never sends the stored copy, when the body differs from the stored page by a byte', async () => {
    const other = HTML.replace('a need', 'b need');
    const response = await get(await serve(page(other)), { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.body.equals(STORED.br)).toBe(false);
    expect(response.headers['content-length']).toBeUndefined();
    expect(decoded(response)).toBe(other);
  });

  it('compresses a streamed response as it streams, even when its pieces make the stored page', async () => {
    const url = await serve((_request, response) => {
      response.setHeader('Content-Type', 'text/x-component');
      response.write(HTML.slice(0, 1000));
      setTimeout(() => response.end(HTML.slice(1000)), 10);
    });
    const response = await get(url, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.body.equals(STORED.gzip)).toBe(false);
    expect(decoded(response)).toBe(HTML);
  });

  it('sends the page as it is to a client that accepts no compression', async () => {
    const response = await get(await serve(page(HTML)), { 'accept-encoding': 'identity' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(HTML);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(HTML));
  });

  it('leaves a 304 and a HEAD without a body', async () => {
    const url = await serve((request, response) => {
      if (request.headers['if-none-match'] === '"page"') {
        response.statusCode = 304;
        response.end();
        return;
      }
      page(HTML)(request, response);
    });
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': '"page"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const head = await get(url, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('sends an error page Next renders in place of the stored page as it is, compressed per response', async () => {
    const url = await serve((_request, response) => {
      response.statusCode = 500;
      page(HTML)(_request, response);
    });
    const response = await get(url, { 'accept-encoding': 'br' });
    expect(response.status).toBe(500);
    expect(response.body.equals(STORED.br)).toBe(false);
    expect(decoded(response)).toBe(HTML);
  });

  it('sends the stored copy to requests Next answered from another request’s read of the entry (its batcher), in the encoding each accepts', async () => {
    // Only the first of the requests that arrive together reads the entry (and asks for it in
    // its own encoding); the others end later, with the same HTML, whatever they accept.
    const encodings = ['br', 'gzip', 'gzip, deflate, br, zstd', 'gzip'];
    // The read returns once every request has arrived (as Next's batcher answers those that came
    // while it was under way), whatever the machine's pace.
    let arrived = 0;
    let readDone: () => void = () => {};
    const read = new Promise<void>((resolve) => (readDone = resolve)).then(() => offerToWaitingRequests({ html: HTML, ...STORED }));
    const url = await serve((request, response) => {
      if (++arrived === encodings.length) readDone();
      // Each answered in a later turn than the read, as Next's large pages are under load.
      void read.then(() => setTimeout(() => page(HTML)(request, response), 5));
    }, { stored: false });
    const responses = await Promise.all(encodings.map((encoding) => get(url, { 'accept-encoding': encoding })));
    for (const response of responses) {
      const encoding = response.headers['content-encoding'] as 'br' | 'gzip';
      expect(response.body.equals(STORED[encoding])).toBe(true);
      expect(Number(response.headers['content-length'])).toBe(STORED[encoding].length);
    }
    expect(responses.map((response) => response.headers['content-encoding'])).toEqual(['br', 'gzip', 'br', 'gzip']);
  });

  it.each([
    ['a signed-in visitor', '/en/needs', { cookie: 'theme=dark; next-auth.session-token=abc' }, 'GET'],
    ['a client navigation (RSC)', '/en/needs', { rsc: '1' }, 'GET'],
    ['a prefetch by query', '/en/needs?_rsc=x1', {}, 'GET'],
    ['a server action', '/en/needs', {}, 'POST'],
    ['a page never cached', '/en/facilitator/dashboard', {}, 'GET'],
  ])('does not hold copies for %s: it cannot be answered with a cached page', async (_who, path, headers, method) => {
    let waitingDuringRequest: boolean | undefined;
    const url = (await serve((request, response) => {
      waitingDuringRequest = anyRequestWaiting();
      page(HTML)(request, response);
    }, { stored: false })).replace('/en/needs', path);
    const response = await get(url, { 'accept-encoding': 'br', ...headers }, method);
    expect(waitingDuringRequest).toBe(false);
    expect(response.headers['content-length']).toBeUndefined();
    expect(decoded(response)).toBe(HTML);
  });

  it('offers what was read only to requests in flight, and lets it go when each response is decided', async () => {
    // A request that starts after the read reads for itself: nothing was kept for it.
    const url = await serve(page(HTML), { stored: false });
    offerToWaitingRequests({ html: HTML, ...STORED });
    const later = await get(url, { 'accept-encoding': 'br' });
    expect(later.headers['content-length']).toBeUndefined();
    expect(decoded(later)).toBe(HTML);
    // A request that accepts no stored encoding does not wait; one that did stops when it is answered.
    await get(url);
    expect(anyRequestWaiting()).toBe(false);
    // …and when it is abandoned before Next answers.
    const hanging = await serve(() => {}, { stored: false });
    const aborted = httpRequest(hanging, { headers: { 'accept-encoding': 'br' } }).on('error', () => {});
    aborted.end();
    await expect.poll(() => anyRequestWaiting()).toBe(true);
    aborted.destroy();
    await expect.poll(() => anyRequestWaiting()).toBe(false);
  });
});

describe("the map's data, a cached route Next streams", () => {
  const DATA = Buffer.from(JSON.stringify({ hromadas: Array.from({ length: 300 }, (_, i) => ({ code: `UA${i}`, needs: ['a need in a hromada'] })) }));
  const STORED_DATA = {
    br: brotliCompressSync(DATA, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(DATA, { level: 9 }),
  };
  /** Next sending a route's response: headers flushed, then the body's chunks, each flushed (pipe-readable.js). */
  const streamed = (body: Buffer): Next => (_request, response) => {
    response.setHeader('Content-Type', 'application/json');
    response.flushHeaders();
    const flush = () => (response as ServerResponse & { flush?: () => void }).flush?.();
    response.write(new Uint8Array(body.subarray(0, 1000)));
    flush();
    setTimeout(() => {
      response.write(new Uint8Array(body.subarray(1000)));
      flush();
      response.end();
    }, 5);
  };
  async function serveData(next: Next, path = '/api/map/needs/en', { offered = true } = {}): Promise<string> {
    const server = createServer((request, response) =>
      withResponseEncoding(request, response, () => {
        if (offered) offerToWaitingRequests({ body: DATA, ...STORED_DATA });
        next(request, response);
      }),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  }

  it('sends the stored copy, whole and sized, when the streamed body is exactly the stored one', async () => {
    const url = await serveData(streamed(DATA));
    for (const encoding of ['br', 'gzip'] as const) {
      const response = await get(url, { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.body.equals(STORED_DATA[encoding])).toBe(true);
      expect(Number(response.headers['content-length'])).toBe(STORED_DATA[encoding].length);
      expect(response.headers['content-type']).toBe('application/json');
      expect(decoded(response)).toBe(DATA.toString());
    }
  });

  it('compresses what it held as it would have, when the body differs by a byte, and sends it as it is to a client that accepts no compression', async () => {
    const other = Buffer.from(DATA.toString().replace('a need', 'b need'));
    const response = await get(await serveData(streamed(other)), { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.body.equals(STORED_DATA.br)).toBe(false);
    expect(decoded(response)).toBe(other.toString());
    const plain = await get(await serveData(streamed(DATA)), { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(DATA)).toBe(true);
  });

  it('holds no other route: a filtered map\'s data streams as it is written', async () => {
    const url = await serveData((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.write(new Uint8Array(DATA.subarray(0, 1000)));
      (response as ServerResponse & { flush?: () => void }).flush?.();
      setTimeout(() => response.end(new Uint8Array(DATA.subarray(1000))), 300);
    }, '/api/map/needs?locale=en&sector=ENERGY');
    // The first piece reaches the client long before the end: nothing was held.
    const timing = await new Promise<{ firstByte: number; end: number; body: Buffer; encoding?: string }>((resolve, reject) => {
      httpRequest(url, { headers: { 'accept-encoding': 'br' } }, (response) => {
        const chunks: Buffer[] = [];
        let firstByte = 0;
        response.on('data', (chunk: Buffer) => { firstByte ||= Date.now(); chunks.push(chunk); });
        response.on('end', () => resolve({ firstByte, end: Date.now(), body: Buffer.concat(chunks), encoding: response.headers['content-encoding'] }));
      }).on('error', reject).end();
    });
    expect(timing.end - timing.firstByte).toBeGreaterThan(150);
    expect(brotliDecompressSync(timing.body).toString()).toBe(DATA.toString());
  });

  it('sends a miss (nothing offered) and an error compressed per response, whole', async () => {
    const miss = await get(await serveData(streamed(DATA), undefined, { offered: false }), { 'accept-encoding': 'br' });
    expect(miss.headers['content-encoding']).toBe('br');
    expect(decoded(miss)).toBe(DATA.toString());
    const notFound = await get(await serveData((request, response) => {
      response.statusCode = 404;
      streamed(Buffer.from('{"error":{"code":"NOT_FOUND"}}'))(request, response);
    }), { 'accept-encoding': 'gzip' });
    expect(notFound.status).toBe(404);
    expect(decoded(notFound)).toBe('{"error":{"code":"NOT_FOUND"}}');
  });

  it('lets go of what it held when the client goes away before the end', async () => {
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    const url = await serveData((_request, response) => {
      response.once('close', closed);
      response.write(new Uint8Array(DATA.subarray(0, 1000)));
      expect(anyRequestWaiting()).toBe(true);
    });
    const client = httpRequest(url, { headers: { 'accept-encoding': 'br' } });
    client.on('error', () => {});
    client.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    client.destroy();
    await serverSawClose;
    expect(anyRequestWaiting()).toBe(false);
  });
});
