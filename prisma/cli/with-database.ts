/**
 * Runs a command (`next dev`, `next start`) with a database ready for it:
 *
 * - DATABASE_URL set → that server is used; nothing is started.
 * - DATABASE_URL unset → an embedded PostgreSQL starts with its data in .data/postgres
 *   (git-ignored, reused on the next run) and stops cleanly when the command ends or on Ctrl-C.
 *
 * Either way migrations are applied and reference data loaded. With --demo (`npm run dev`) the
 * demo world is seeded on first run too, unless SEED_DEMO_DATA=false; --demo is refused under
 * NODE_ENV=production, and without it nothing of the demo world is even imported.
 *
 *   tsx prisma/cli/with-database.ts [--demo] next dev
 */
import { spawn } from 'node:child_process';
import { EmbeddedPostgresError, leaveSignalsToCaller } from '../../lib/database/embedded-postgres';
import { chooseEmbeddedPort } from '../../lib/database/local-port';
import { exitCodeFor } from './exit-code';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../lib/database/embedded-postgres';

const DATA_DIR = path.resolve(process.env.EMBEDDED_PG_DATA_DIR ?? '.data/postgres');
const DATABASE_NAME = 'kakehashi';

async function main(): Promise<void> {
  const demoFlag = process.argv[2] === '--demo';
  const [command, ...args] = process.argv.slice(demoFlag ? 3 : 2);
  if (!command) throw new Error('usage: with-database.ts [--demo] <command> [args…]');
  if (demoFlag && process.env.NODE_ENV === 'production') {
    throw new Error('--demo seeds development data with a published password; it is refused with NODE_ENV=production.');
  }
  const seedDemo = demoFlag && process.env.SEED_DEMO_DATA !== 'false';

  let embedded: RunningPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = await chooseEmbeddedPort(process.env.EMBEDDED_PG_PORT);
    console.log(`▸ Starting embedded PostgreSQL on port ${port} (data in ${path.relative(process.cwd(), DATA_DIR)})`);
    embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, port });
    await embedded.createDatabase(DATABASE_NAME).catch((error: Error) => {
      if (!/already exists/.test(error.message)) throw error;
    });
    databaseUrl = embedded.urlFor(DATABASE_NAME);
  }

  const stopDatabase = async () => {
    if (!embedded) return;
    const running = embedded;
    embedded = undefined;
    await running.stop();
  };

  try {
    // Imported after DATABASE_URL is known: lib/env validates it at import.
    process.env.DATABASE_URL = databaseUrl;
    const { prepareDatabase } = await import('../../lib/database/prepare');
    const started = Date.now();
    const prepared = await prepareDatabase(databaseUrl);
    console.log(
      `▸ Database ready in ${Date.now() - started} ms: ${prepared.appliedMigrations.length} migration(s) applied, ` +
        `${prepared.reference.hromadas} hromadas`,
    );
    if (seedDemo) {
      // Development only, and imported only here: `npm start` never loads the demo world.
      const { printDemoAccounts, seedDemoForDevelopment } = await import('../seed/development');
      const demo = await seedDemoForDevelopment(databaseUrl);
      console.log(`▸ Demo world ${typeof demo === 'object' ? `seeded (${demo.companies} companies, ${demo.needs} needs)` : demo}`);
      printDemoAccounts();
    }
    process.env.NEXTAUTH_SECRET ??= prepared.sessionSecret;
    process.env.NEXTAUTH_URL ??= `http://localhost:${portArgument(args) ?? process.env.PORT ?? 3000}`;
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  // A signal we forward is a shutdown we asked for; any other death of the child is a failure
  // a supervisor (systemd Restart=on-failure, Docker restart policies) must see.
  let forwarded: NodeJS.Signals | undefined;
  const forward = (signal: NodeJS.Signals) => () => {
    forwarded = signal;
    child.kill(signal);
  };
  leaveSignalsToCaller();
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGHUP'));
  child.on('exit', async (code, signal) => {
    await stopDatabase();
    // Ctrl-C reaches the child and us together; give our own handler its turn first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.exit(exitCodeFor(code, signal, forwarded));
  });
}

/** `next start -p 3100` / `--port 3100`: the port the app will answer on. */
function portArgument(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '-p' || arg === '--port');
  return index >= 0 ? args[index + 1] : undefined;
}

main().catch((error: unknown) => {
  // Known causes in one sentence; anything else with its stack. Never a bare `undefined`.
  if (error instanceof EmbeddedPostgresError) console.error(`✗ ${error.message}`);
  else console.error(error ?? new Error('The launcher failed without a reason'));
  process.exit(1);
});
