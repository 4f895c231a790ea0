/**
 * Serves the built app for the end-to-end tests on a throwaway database seeded with the demo
 * world, and drops that database when Playwright stops the server.
 */
import { spawn } from 'node:child_process';
import { createScratchDatabase } from '../../lib/database/scratch';

const port = process.argv[2] ?? '3100';
const scratch = await createScratchDatabase('kakehashi_e2e');
process.env.DATABASE_URL = scratch.url;
const { prepareDatabase } = await import('../../lib/database/prepare');
const prepared = await prepareDatabase(scratch.url, { seedDemo: true });

const server = spawn('npx', ['tsx', 'lib/http/app-server.ts', 'start', '-p', port, '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: scratch.url,
    NEXTAUTH_SECRET: prepared.sessionSecret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
  },
});

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await scratch.drop().catch(() => {});
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => void stop(code ?? 0));
