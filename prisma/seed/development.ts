import { createDb } from '../../lib/db';
import { env } from '../../lib/env';
import { rebuildAllMatches } from '../../lib/match-store/rebuild';
import { DEMO_PASSWORD, hasDemoWorld, listDemoAccounts, seedDemoWorld } from './demo-world';

// The development-only step after prepareDatabase: the demo world, whose accounts share a
// password published in the README. Reached from `npm run dev` (the launcher's --demo flag),
// `npm run db:seed` and the end-to-end server, never from `npm start`
// (tests/unit/production-imports.test.ts); and it refuses to run in production regardless.

export type DemoOutcome = { companies: number; needs: number; users: number } | 'already-present';

export class DemoInProductionError extends Error {
  constructor() {
    super('The demo world is development data: it is never seeded with NODE_ENV=production.');
  }
}

export function assertNotProduction(): void {
  if (env.NODE_ENV === 'production') throw new DemoInProductionError();
}

/** Seeds the demo world into a prepared database once, then ranks its needs. */
export async function seedDemoForDevelopment(connectionString: string): Promise<DemoOutcome> {
  assertNotProduction();
  const db = createDb(connectionString, 2);
  try {
    if (await hasDemoWorld(db)) return 'already-present';
    const seeded = await seedDemoWorld(db);
    await rebuildAllMatches(db);
    return seeded;
  } finally {
    await db.$disconnect();
  }
}

export function printDemoAccounts(): void {
  console.log(`▸ Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const account of listDemoAccounts()) {
    console.log(`    ${account.role.padEnd(17)} ${account.email.padEnd(42)} ${account.who}`);
  }
}
