/**
 * Compiles the app's HTTP server (lib/http/app-server.ts and what it imports from lib/) into one
 * ES module inside the build, for `npm start` to run with plain Node. `next build` does it
 * (next.config.js `compiler.runAfterProductionCompile`), so `npm start` only reads the build
 * folder, which may then be read-only, and the server is never older than the build beside it.
 *
 * Under tsx, Node sends every `import()` through tsx's resolve hook on a separate thread, and
 * Next imports its cache handler on every request: ≈ 2 ms of CPU per request between the two
 * threads (docs/benchmarks/pages.md, session 7), for a module long loaded. Packages stay
 * external (read from node_modules as they are); only our TypeScript is compiled.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the compiled server lives inside a build folder. */
export const COMPILED_SERVER_NAME = 'app-server.mjs';

/**
 * What Node runs the server with (`npm start`, the e2e server, the pages benchmark):
 * V8's young generation of 64 MB semi-spaces instead of the default 16. A page render allocates
 * a few MB of short-lived objects; with small semi-spaces they were scavenged, and the
 * survivors of requests still in flight copied and promoted, several times per page
 * (docs/benchmarks/pages.md, session 8). package.json's `start` script writes the same flags
 * (tests/unit/server-flags.test.ts).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** The compiled server's path for a build folder (`.next` unless next.config.js says otherwise). */
export function compiledServerPath(distDir = '.next') {
  return path.join(distDir, COMPILED_SERVER_NAME);
}

/** The build's compiled server, as `npm start` runs it; an error naming the fix when there is no build. */
export function builtServer(distDir = '.next') {
  const file = compiledServerPath(distDir);
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx next build or npm run build)`);
  return file;
}

/**
 * How the server is compiled: our TypeScript inlined into one ES module, packages read from
 * node_modules. tests/integration/stored-copies-concurrent.test.ts compiles with the same options.
 * @type {import('esbuild').BuildOptions}
 */
export const SERVER_BUILD_OPTIONS = { bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' };

/** @param {string} [distDir] @param {string} [projectDir] @returns {Promise<string>} the file written */
export async function compileAppServer(distDir = '.next', projectDir = process.cwd()) {
  const outfile = path.resolve(projectDir, compiledServerPath(distDir));
  await build({ ...SERVER_BUILD_OPTIONS, absWorkingDir: projectDir, entryPoints: ['lib/http/app-server.ts'], outfile });
  return outfile;
}
