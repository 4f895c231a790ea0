import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

// What `npm start` runs must not load the demo world (it carries a published password) or any
// test code. esbuild follows every static and dynamic import from an entry point, exactly as
// Node would reach them; packages stay external, so only this repository's files are listed.

const ROOT = path.resolve(import.meta.dirname, '../..');
const FORBIDDEN = [/^prisma\/seed\//, /^tests\//];

/**
 * The one door to development data: the launcher imports the demo step dynamically, only when
 * given --demo, which it refuses under NODE_ENV=production (tests/integration/production-start).
 */
const DEVELOPMENT_GATE = { from: 'prisma/cli/with-database.ts', to: 'prisma/seed/development.ts' };

async function importGraph(entryPoints: string[]): Promise<Metafile> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'out.invalid',
    logLevel: 'silent',
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
  });
  return result.metafile;
}

/** Every repository file reached from `entries`, not crossing the development gate. */
function reachable(metafile: Metafile, entries: string[]): Map<string, string[]> {
  const routes = new Map<string, string[]>(entries.map((entry) => [entry, [entry]]));
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    for (const edge of metafile.inputs[file]?.imports ?? []) {
      if (edge.external || routes.has(edge.path)) continue;
      if (file === DEVELOPMENT_GATE.from && edge.path === DEVELOPMENT_GATE.to && edge.kind === 'dynamic-import') continue;
      routes.set(edge.path, [...routes.get(file)!, edge.path]);
      queue.push(edge.path);
    }
  }
  return routes;
}

const forbiddenRoutes = (routes: Map<string, string[]>) =>
  [...routes].filter(([file]) => FORBIDDEN.some((pattern) => pattern.test(file))).map(([, route]) => route.join(' → '));

describe('the production path', () => {
  it('npm start (the launcher and prepareDatabase) reaches no seed and no test module', async () => {
    const entries = ['prisma/cli/with-database.ts', 'lib/database/prepare.ts'];
    const routes = reachable(await importGraph(entries), entries);
    expect(routes.has('lib/database/prepare.ts')).toBe(true);
    expect(forbiddenRoutes(routes)).toEqual([]);
  });

  it('the launcher reaches the demo step only through its dynamic, development-only import', async () => {
    const metafile = await importGraph(['prisma/cli/with-database.ts']);
    const importers = Object.entries(metafile.inputs)
      .flatMap(([file, input]) => input.imports.filter((edge) => edge.path === DEVELOPMENT_GATE.to).map((edge) => `${file} (${edge.kind})`));
    expect(importers).toEqual([`${DEVELOPMENT_GATE.from} (dynamic-import)`]);
  });

  it('the app (every route, the proxy, instrumentation) reaches no seed and no test module', async () => {
    const entries = [
      ...readdirSync(path.join(ROOT, 'app'), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => `app/${file.split(path.sep).join('/')}`),
      ...['proxy.ts', 'instrumentation.ts'].filter((file) => existsSync(path.join(ROOT, file))),
    ].sort();
    expect(entries.length).toBeGreaterThan(10);
    const routes = reachable(await importGraph(entries), entries);
    // The walk really goes through the product (the @/ alias resolves), not just the routes.
    expect(routes.has('lib/db.ts')).toBe(true);
    expect(forbiddenRoutes(routes)).toEqual([]);
    // Walking every route's imports takes about 5 s on a busy two-core machine, and 19 s was seen
    // at load 14 (a CI run beside it): the limit is a guard against a hang, not a measure.
  }, 60_000);
});
