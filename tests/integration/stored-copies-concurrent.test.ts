import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SERVER_BUILD_OPTIONS } from '../../lib/http/compile-server.mjs';
import { Batcher } from 'next/dist/lib/batcher';
import { scheduleOnNextTick } from 'next/dist/lib/scheduler';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDb as db } from './test-db';

// Concurrent hits of a large cached page, as production serves them: the app server compiled by
// esbuild (as lib/http/compile-server.mjs does at `next build`, which inlines
// lib/cache/stored-encoding.mjs into the server) in front of the page cache handler loaded on its
// own (as Next loads it), with Next's own batcher answering every request from one read of the
// entry in PostgreSQL. Every request that accepts brotli or gzip must get the stored copy.

type Handler = {
  get(key: string, context?: { kind: string }): Promise<{ value: { html: string } } | null>;
  set(key: string, data: unknown, context?: { cacheControl?: unknown }): Promise<void>;
};
type WithResponseEncoding = (request: IncomingMessage, response: ServerResponse, handle: () => void) => void;

const BUILD = `stored-copies-${randomUUID()}`;
const workDir = path.join(process.cwd(), 'node_modules', '.cache', `stored-copies-test-${randomUUID()}`);
let handler: Handler;
let withResponseEncoding: WithResponseEncoding;

beforeAll(async () => {
  process.env.DATABASE_URL = inject('databaseUrl');
  const { default: PageCacheHandler } = await import('../../lib/cache/page-cache-handler.mjs');
  const dist = path.join(workDir, 'build');
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'BUILD_ID'), BUILD);
  mkdirSync(path.join(dist, 'server'));
  handler = new PageCacheHandler({ serverDistDir: path.join(dist, 'server') }) as unknown as Handler;
  // The server half compiled as `next build` compiles the app server: packages external, our files inlined.
  const outfile = path.join(workDir, 'response-encoding.mjs');
  await build({ ...SERVER_BUILD_OPTIONS, entryPoints: ['lib/http/response-encoding.ts'], outfile });
  ({ withResponseEncoding } = (await import(/* @vite-ignore */ outfile)) as { withResponseEncoding: WithResponseEncoding });
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A map-sized page (≈ 150 KB of HTML), rendered once and stored with its compressed copies. */
async function storeLargePage(key: string): Promise<string> {
  const rows = Array.from({ length: 1500 }, (_, i) => `<li data-id="${randomUUID()}">Need ${i}: water pipes for hromada ${i % 97}</li>`);
  const html = `<!DOCTYPE html><html><body><ul>${rows.join('')}</ul></body></html>`;
  expect(await handler.get(key, { kind: 'APP_PAGE' })).toBeNull();
  await handler.set(key, { kind: 'APP_PAGE', html, rscData: Buffer.from('0:page'), headers: { 'x-next-cache-tags': `test-${randomUUID()}` }, status: 200 }, { cacheControl: { revalidate: false, expire: undefined } });
  return html;
}

type Bytes = { headers: IncomingHttpHeaders; body: Buffer };
const get = (url: string, headers: Record<string, string>) =>
  new Promise<Bytes>((resolve, reject) => {
    httpRequest(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });

describe('concurrent hits of a large cached page', () => {
  it('all get the stored copy they accept, from one read of the entry', async () => {
    const key = `/route-cache/APP_PAGE/test/$/en/cached/needs/map-${randomUUID()}`;
    const html = await storeLargePage(key);
    const stored = await db.pageCacheEntry.findUniqueOrThrow({ where: { key: `${BUILD}:${key}` }, select: { htmlBrotli: true, htmlGzip: true } });
    const copies = { br: Buffer.from(stored.htmlBrotli!), gzip: Buffer.from(stored.htmlGzip!) };

    // Browsers' Accept-Encoding (brotli chosen), gzip only, and none; in no particular order.
    const accepts = Array.from({ length: 24 }, (_, i) => ['gzip, deflate, br, zstd', 'gzip', 'identity'][i % 3]);
    let arrived = 0;
    let reads = 0;
    let allArrived!: () => void;
    const everyoneIn = new Promise<void>((resolve) => (allArrived = resolve));
    // Next's response cache: the first request reads the entry, those arriving meanwhile wait for that read.
    const batcher = Batcher.create<string, { value: { html: string } } | null>({ schedulerFn: scheduleOnNextTick });
    const server = createServer((request, response) =>
      withResponseEncoding(request, response, () => {
        if (++arrived === accepts.length) allArrived();
        void batcher
          .batch(key, async () => {
            await everyoneIn;
            reads += 1;
            return handler.get(key, { kind: 'APP_PAGE' });
          })
          .then((entry) => {
            // As Next's sendRenderResult sends a page from the cache: headers, then the HTML whole.
            response.setHeader('Content-Type', 'text/html; charset=utf-8');
            response.setHeader('Content-Length', Buffer.byteLength(entry!.value.html));
            response.end(entry!.value.html);
          });
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/en/needs?view=map`;
      const responses = await Promise.all(accepts.map((accept) => get(url, { 'accept-encoding': accept })));
      expect(reads).toBe(1);
      responses.forEach((response, i) => {
        const wanted = accepts[i] === 'identity' ? undefined : accepts[i] === 'gzip' ? 'gzip' : 'br';
        expect(response.headers['content-encoding']).toBe(wanted);
        if (!wanted) return expect(response.body.toString()).toBe(html);
        // The stored copy itself, whole (not compressed again per response), decoding to the page.
        expect(response.body.equals(copies[wanted]), `request ${i} (${accepts[i]}) got the stored ${wanted} copy`).toBe(true);
        expect(Number(response.headers['content-length'])).toBe(copies[wanted].length);
        expect((wanted === 'br' ? brotliDecompressSync(response.body) : gunzipSync(response.body)).toString()).toBe(html);
      });
    } finally {
      server.close();
    }
  });
});
