import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestListener } from '../../lib/http/app-request';
import { parseTrustedProxies } from '../../lib/http/client-address';

// The layer in front of Next, on a real socket, with a handler that echoes what it received.

const LIMIT = 1024;
let server: Server;
let port: number;

beforeAll(async () => {
  const listener = createAppRequestListener(
    async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ url: request.url, headers: request.headers, bodyLength: Buffer.concat(chunks).length }));
    },
    { trust: parseTrustedProxies(undefined), maxBodyBytes: LIMIT },
  );
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Reply = { status: number; body: string };

function send(options: { method?: string; path?: string; headers?: Record<string, string>; chunks?: Buffer[]; body?: Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'POST', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    if (options.body) outgoing.end(options.body);
    else {
      for (const chunk of options.chunks ?? []) outgoing.write(chunk);
      outgoing.end();
    }
  });
}
const echoed = (reply: Reply) => JSON.parse(reply.body) as { url: string; headers: IncomingHttpHeaders; bodyLength: number };

describe('forwarding headers', () => {
  it('overwrites a forged X-Forwarded-For, -Proto and -Host with what the socket says', async () => {
    const reply = await send({
      method: 'GET',
      headers: { 'X-Forwarded-For': '6.6.6.6', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example', 'X-Real-IP': '7.7.7.7' },
    });
    const { headers } = echoed(reply);
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
    expect(headers['x-forwarded-host']).toBeUndefined();
    expect(headers['x-real-ip']).toBeUndefined();
  });
});

describe('bodies without a Content-Length', () => {
  it('hands on a chunked body that fits, declared with its length', async () => {
    const reply = await send({ headers: { 'Transfer-Encoding': 'chunked' }, chunks: [Buffer.alloc(600), Buffer.alloc(400)] });
    expect(reply.status).toBe(200);
    expect(echoed(reply)).toMatchObject({ bodyLength: 1000, headers: { 'content-length': '1000' } });
    expect(echoed(reply).headers['transfer-encoding']).toBeUndefined();
  });

  it('answers 413 with the proxy’s JSON once a chunked body passes the limit', async () => {
    const reply = await send({ headers: { 'Transfer-Encoding': 'chunked' }, chunks: [Buffer.alloc(600), Buffer.alloc(600), Buffer.alloc(600)] });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ error: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.payloadTooLarge' });
  });

  it('leaves declared bodies to proxy.ts and bodiless requests alone', async () => {
    expect(echoed(await send({ body: Buffer.alloc(LIMIT * 2) })).bodyLength).toBe(LIMIT * 2);
    expect((await send({ method: 'GET' })).status).toBe(200);
  });
});

describe('paths that do not decode', () => {
  // Next would throw decoding them (a 500): it is handed the translated not-found page's address
  // (app/[locale]/[...missing] answers it with 404), without any rewrite of its own.
  it.each([
    ['/en/needs/%FF', '/en/not-found'],
    ['/uk/needs/%E0%A4%A?view=map', '/uk/not-found'],
    ['/ja/%00', '/ja/not-found'],
    ['/%C0%AF', '/en/not-found'],
    ['/xx/%FF', '/en/not-found'],
  ])('hands Next %s as %s', async (path, target) => {
    expect(echoed(await send({ method: 'GET', path })).url).toBe(target);
  });

  it('leaves API paths to the proxy’s JSON 404, and well-formed paths alone', async () => {
    for (const path of ['/api/auth/%FF', '/en/needs/%E3%81%82?q=%FF', '/en/needs', '/uk']) {
      expect(echoed(await send({ method: 'GET', path })).url).toBe(path);
    }
  });
});
