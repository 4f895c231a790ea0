/**
 * Serves the built app for the end-to-end tests on a throwaway database seeded with the demo
 * world, and drops that database when Playwright stops the server.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createScratchDatabase } from '../../lib/database/scratch';
import { builtServer, SERVER_NODE_FLAGS } from '../../lib/http/compile-server.mjs';
import { E2E_DATABASE_URL_FILE } from './database-url';

const port = process.argv[2] ?? '3100';
const scratch = await createScratchDatabase('kakehashi_e2e');
process.env.DATABASE_URL = scratch.url;
// The tests read emails (their one-time links) straight from this database: the admin outbox
// no longer shows live links.
mkdirSync('test-results', { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, scratch.url);
const { prepareDatabase } = await import('../../lib/database/prepare');
const prepared = await prepareDatabase(scratch.url);
// Test code may seed: the demo world is the end-to-end tests' fixture.
await (await import('../../prisma/seed/development')).seedDemoForDevelopment(scratch.url);

// As `npm start` runs it: the server `next build` compiled to JavaScript, under plain Node with
// the same flags (lib/http/compile-server.mjs).
const compiled = [...SERVER_NODE_FLAGS, builtServer()];
const server = spawn(process.execPath, [...compiled, 'start', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: scratch.url,
    NEXTAUTH_SECRET: prepared.sessionSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
  },
});

// A second instance of the same build on the same database (tests/e2e/two-instances.spec.ts):
// sessions, jobs and rate limits must hold across instances, as they do behind a load balancer.
// It is started as `npm start` starts production, without -H (every address, Next told
// `localhost`), so the specs that ask both instances cover that way too.
const secondPort = String(Number(port) + 10);
const second = spawn(process.execPath, [...compiled, 'start', '-p', secondPort], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: scratch.url,
    NEXTAUTH_SECRET: prepared.sessionSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${secondPort}`,
    NEXT_TELEMETRY_DISABLED: '1',
  },
});

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  second.kill('SIGTERM');
  await scratch.drop().catch(() => {});
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => void stop(code ?? 0));
second.on('exit', (code) => void stop(code ?? 0));
