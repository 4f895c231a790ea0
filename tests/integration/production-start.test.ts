import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { authenticate } from '../../lib/auth/sign-in';
import { runOnServer } from '../../lib/database/scratch';
import { createDb, type Db } from '../../lib/db';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, listDemoAccounts } from '../../prisma/seed/demo-world';

// `npm start` on a fresh database, as docker-compose.yml used to run it (NODE_ENV=production
// and SEED_DEMO_DATA=true): the database is prepared, and nothing of the demo world is in it.

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

type Fresh = { url: string; db: Db; drop(): Promise<void> };

/** A new, empty database next to this run's, on the same server. */
async function freshDatabase(): Promise<Fresh> {
  const serverUrl = inject('databaseUrl');
  const name = `kakehashi_production_${randomBytes(4).toString('hex')}`;
  const onServer = (sql: string) => runOnServer(serverUrl, sql);
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), 2);
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The launcher as `npm start` runs it, with a command that exits at once instead of Next. */
function launch(url: string, launcherArgs: string[], nodeEnv: 'production' | 'development' = 'production'): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['prisma/cli/with-database.ts', ...launcherArgs, process.execPath, '-e', 'process.exit(0)'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: nodeEnv,
          SEED_DEMO_DATA: 'true',
          DATABASE_URL: url,
          NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
          NEXTAUTH_URL: 'https://kakehashi.example',
        },
        timeout: 240_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, output: stdout + stderr }),
    );
  });
}

const demoEmails = () => listDemoAccounts().map((account) => account.email);

let fresh: Fresh;
let development: Fresh;
beforeAll(async () => {
  [fresh, development] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(async () => {
  await Promise.all([fresh?.drop(), development?.drop()]);
});

describe('production start-up', () => {
  it('--demo is refused with NODE_ENV=production, before the database is touched', async () => {
    const { code, output } = await launch(fresh.url, ['--demo']);
    expect(code).not.toBe(0);
    expect(output).toMatch(/refused with NODE_ENV=production/);
    const tables = await fresh.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`;
    expect(Number(tables[0].count)).toBe(0);
  });

  it('prepares a fresh database and leaves no demo company, need or account in it', { timeout: 300_000 }, async () => {
    const { code, output } = await launch(fresh.url, []);
    expect(output).not.toContain(DEMO_PASSWORD);
    expect(code).toBe(0);

    // Prepared: reference data is there…
    expect(await fresh.db.hromada.count()).toBeGreaterThan(1000);
    // …and nothing of the demo world.
    expect(await fresh.db.company.count({ where: { isDemo: true } })).toBe(0);
    expect(await fresh.db.need.count({ where: { isDemo: true } })).toBe(0);
    expect(await fresh.db.user.count({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } } })).toBe(0);
  });

  it('lets nobody sign in with the README\'s demo password', { timeout: 120_000 }, async () => {
    for (const email of demoEmails()) {
      expect(await authenticate(fresh.db, { email, password: DEMO_PASSWORD }, '203.0.113.9')).toBeNull();
    }
    for (const user of await fresh.db.user.findMany({ select: { passwordHash: true } })) {
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(false);
    }
  });
});

describe('development start-up (npm run dev)', () => {
  it('--demo seeds the demo world once, ranks it and prints its accounts', { timeout: 300_000 }, async () => {
    const first = await launch(development.url, ['--demo'], 'development');
    expect(first.code).toBe(0);
    expect(first.output).toContain(DEMO_PASSWORD);
    expect(await development.db.company.count({ where: { isDemo: true } })).toBeGreaterThanOrEqual(30);
    expect(await development.db.match.count()).toBeGreaterThan(0);
    const users = await development.db.user.count();

    const second = await launch(development.url, ['--demo'], 'development');
    expect(second.code).toBe(0);
    expect(second.output).toContain('Demo world already-present');
    expect(await development.db.user.count()).toBe(users);
  });
});
