import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceWrites } from '../../lib/http/coalesce-writes';

// lib/http/coalesce-writes.ts on a real HTTP server, with a response written as Next writes one:
// headers flushed on their own, then pieces of the body in the same turn, then more in later turns.

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** Serves `respond`, counting the writes each response makes to its socket (net.Socket's _write/_writev). */
async function serve(respond: (response: ServerResponse) => void, coalesce: boolean) {
  const socketWrites: number[] = [];
  const server = createServer((_request, response) => {
    const socket = response.socket as Socket & Record<'_write' | '_writev', (...a: unknown[]) => void>;
    const index = socketWrites.push(0) - 1;
    for (const method of ['_write', '_writev'] as const) {
      const original = socket[method];
      socket[method] = function (this: Socket, ...args: unknown[]) {
        socketWrites[index] += 1;
        return original.apply(this, args);
      };
    }
    if (coalesce) coalesceWrites(response);
    respond(response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, socketWrites };
}

/** As Next's pipe to the response: headers flushed, the first pieces in the same turn, the rest later. */
function asNextWrites(response: ServerResponse) {
  response.writeHead(200, { 'Content-Type': 'text/html' });
  response.flushHeaders();
  response.write('<p>first</p>');
  response.write('<p>second</p>');
  setImmediate(() => {
    response.write('<p>later</p>');
    setImmediate(() => response.end('<p>end</p>'));
  });
}
const BODY = '<p>first</p><p>second</p><p>later</p><p>end</p>';

describe('coalesceWrites', () => {
  it('sends the headers with the pieces written in their turn: one socket write per turn', async () => {
    const { url, socketWrites } = await serve(asNextWrites, true);
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe(BODY);
    expect(socketWrites).toEqual([3]);
  });

  it('saves a write: without it the headers go alone', async () => {
    const { url, socketWrites } = await serve(asNextWrites, false);
    expect(await (await fetch(url)).text()).toBe(BODY);
    expect(socketWrites[0]).toBeGreaterThan(3);
  });

  it('leaves a kept-alive connection working for the next responses', async () => {
    const { url } = await serve((response) => {
      response.flushHeaders();
      response.write('a');
      response.end('b');
    }, true);
    for (let i = 0; i < 3; i++) expect(await (await fetch(url)).text()).toBe('ab');
  });
});
