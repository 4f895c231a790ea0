/**
 * Creates an administrator and prints a one-time link on which they choose their password —
 * how a new installation gets its first account (production has no demo accounts).
 *
 *   npm run admin:create -- --email ops@example.org --name "Aiko Tanaka" [--locale ja|uk|en]
 *
 * Uses DATABASE_URL (migrated: start the app once, or `npm run db:migrate`) and NEXTAUTH_URL
 * for the link's address.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run admin:create -- --email <address> --name "<full name>" [--locale ja|uk|en]';

let options: { email?: string; name?: string; locale: string };
try {
  options = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'en' } },
    strict: true,
  }).values as typeof options;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set: point it at the database the app uses.');
  process.exit(2);
}
if (!process.env.NEXTAUTH_URL) {
  console.warn('NEXTAUTH_URL is not set: the link will point at http://localhost:3000.');
}

// Imported once DATABASE_URL is known: lib/env validates it at import.
const { createAdministrator } = await import('../../lib/accounts/administrator');
const { INVITATION_LINK_HOURS } = await import('../../lib/accounts/one-time-link');
const { createDb } = await import('../../lib/db');
const { isAppError } = await import('../../lib/errors');

const db = createDb(process.env.DATABASE_URL, 1);
try {
  const created = await createAdministrator(db, options);
  console.log(`Administrator ${options.email} created. Send them this link to choose a password`);
  console.log(`(it works once, for ${INVITATION_LINK_HOURS} hours, until ${created.expiresAt.toISOString()}):\n`);
  console.log(`  ${created.link}\n`);
} catch (error) {
  if (!isAppError(error)) throw error;
  const fieldErrors = (error.details?.fieldErrors ?? {}) as Record<string, string>;
  const english = JSON.parse(readFileSync(new URL('../../lib/i18n/messages/en.json', import.meta.url), 'utf8'));
  const explain = (key: string) => key.split('.').reduce((node, part) => node?.[part], english) ?? key;
  for (const [field, key] of Object.entries(fieldErrors)) console.error(`${field}: ${explain(key)}`);
  if (!Object.keys(fieldErrors).length) console.error(error.message);
  console.error(USAGE);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
