/**
 * Compiles the app's HTTP server (lib/http/app-server.ts and what it imports from lib/) into one
 * ES module beside the build, for `npm start` to run with plain Node:
 *
 *   tsx lib/http/compile-server.ts        # writes .next/app-server.mjs
 *
 * Under tsx, Node sends every `import()` through tsx's resolve hook on a separate thread, and
 * Next imports its cache handler on every request: ≈ 2 ms of CPU per request between the two
 * threads (docs/benchmarks/pages.md, session 7), for a module long loaded. Packages stay
 * external (read from node_modules as they are); only our TypeScript is compiled. Takes
 * milliseconds, so it runs at every start and can never be older than the source.
 */
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

export const COMPILED_SERVER = '.next/app-server.mjs';

export async function compileAppServer(outfile = COMPILED_SERVER): Promise<string> {
  await build({
    entryPoints: ['lib/http/app-server.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await compileAppServer();
