import type { ServerResponse } from 'node:http';

// Next sends a response's headers on their own (`flushHeaders()`) and then, in the same turn of
// the event loop, the first piece of the body: two system calls on the socket where one would do.
// On a busy server each write to the socket costs about as much as a small response's own work
// (`writev`/`writeUtf8String`: 7 % of the signed-in pages' CPU and ~0.25 ms per write for
// /api/health, docs/benchmarks/pages.md, session 8). Holding the socket corked until the current
// turn's callbacks have run sends the headers and what follows them in that turn as one write.
// Nothing waits past the turn, so streaming (a loading state before a slow part) is unchanged.
// Later writes need no help: Node already gathers those made while one is in flight.

/** Sends what `response` writes within one turn of the event loop, headers included, as one socket write. */
export function coalesceWrites(response: ServerResponse): void {
  let corked = false;
  const uncork = () => {
    corked = false;
    // end() uncorks fully itself; after it the socket may already carry the next response.
    if (!response.writableEnded) response.uncork();
  };
  const corkForTurn = () => {
    if (corked) return;
    corked = true;
    response.cork();
    process.nextTick(uncork);
  };
  const { write, flushHeaders } = response;
  response.flushHeaders = function (this: ServerResponse) {
    corkForTurn();
    return flushHeaders.call(this);
  };
  response.write = function (this: ServerResponse, ...args: unknown[]) {
    corkForTurn();
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
}
