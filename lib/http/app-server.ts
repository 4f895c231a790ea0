/**
 * The app's HTTP server: Next behind a thin layer that establishes the client's address and
 * protocol from the socket and TRUSTED_PROXIES (lib/http/client-address.ts) and limits
 * undeclared request bodies (lib/http/app-request.ts). `npm run dev` and `npm start` run it
 * through the database launcher — dev from source under tsx, start as compiled by `next build`
 * (lib/http/compile-server.mjs) under plain Node:
 *
 *   tsx lib/http/app-server.ts dev [-p 3000] [-H 127.0.0.1]
 *   node --max-semi-space-size=64 .next/app-server.mjs start [-p 3000] [-H 127.0.0.1]
 *
 * With WEB_CONCURRENCY=N (start only) it forks N such servers sharing the port (node:cluster):
 * one Next process uses about one core, and each is a full instance, as behind a load balancer.
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { createAppRequestListener } from './app-request';
import { parseTrustedProxies } from './client-address';
import { nextHostnameFor } from './next-hostname';
import { withResponseEncoding } from './response-encoding';

const [mode, ...args] = process.argv.slice(2);
if (mode !== 'dev' && mode !== 'start') {
  console.error('usage: app-server.ts dev|start [-p port] [-H hostname]');
  process.exit(2);
}
const isDev = mode === 'dev';
// As `next dev` / `next start` do, before anything that reads it is loaded (lib/env, React).
(process.env as Record<string, string>).NODE_ENV ??= isDev ? 'development' : 'production';

const { env } = await import('../env');
if (!isDev && env.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  await superviseWorkers(env.WEB_CONCURRENCY);
} else {
  await serve();
}

/** The primary of a cluster: forks the servers, and exits with the first that fails (the supervisor restarts us). */
async function superviseWorkers(count: number): Promise<void> {
  let alive = count;
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  cluster.on('exit', (worker, code, signal) => {
    alive -= 1;
    if (!stopping) {
      console.error(`▸ server process ${worker.process.pid} ended (${signal ?? code}): stopping the others`);
      process.exitCode = code || 1;
      stopAll();
    }
    if (alive === 0) process.exit();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  console.log(`▸ Kakehashi: ${count} server processes (WEB_CONCURRENCY)`);
}

async function serve(): Promise<void> {
  const { default: next } = await import('next');
  const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
  const hostname = option('-H', '--hostname');
  const trust = parseTrustedProxies(env.TRUSTED_PROXIES);

  const app = next({ dev: isDev, turbopack: isDev, hostname: nextHostnameFor(hostname), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  // Responses are compressed here, not by Next (next.config.js `compress: false`): a cached page
  // goes out as the copy compressed when it was stored (lib/http/response-encoding.ts).
  const server = createServer(
    createAppRequestListener((request, response) => withResponseEncoding(request, response, () => void handle(request, response)), { trust }),
  );
  server.on('upgrade', (request, socket, head) => void upgrade(request, socket, head));
  server.listen(port, hostname, () => {
    console.log(`▸ Kakehashi ${isDev ? 'development' : 'production'} server on http://${hostname ?? 'localhost'}:${port}` +
      (env.TRUSTED_PROXIES ? ` (trusted proxies: ${env.TRUSTED_PROXIES})` : ' (no trusted proxies: client address from the socket)'));
  });

  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function option(short: string, long: string): string | undefined {
  const index = args.findIndex((arg) => arg === short || arg === long);
  return index >= 0 ? args[index + 1] : undefined;
}
