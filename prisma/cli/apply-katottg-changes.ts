/**
 * Applies a KATOTTG mapping (retired hromada codes → their successors) after the reference files
 * were rebuilt from a new edition of the classifier, so that the successors exist:
 *
 *   npm run db:reference:build -- <new sources> && (restart, or load reference data) &&
 *   DATABASE_URL=… npm run katottg:apply -- path/to/changes.csv
 *
 * Format: prisma/reference/README.md, "KATOTTG editions". One transaction; any bad line refuses all.
 */
import { readFileSync } from 'node:fs';
import { createDb } from '../../lib/db';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { applyKatottgChanges } from '../../lib/reference/katottg-changes';

const url = process.env.DATABASE_URL;
const file = process.argv[2];
if (!url || !file) {
  console.error('usage: DATABASE_URL=… npm run katottg:apply -- <changes.csv>');
  process.exit(2);
}
const db = createDb(url, 2);
try {
  console.log(JSON.stringify(await applyKatottgChanges(db, null, readFileSync(file, 'utf8')), null, 2));
} catch (error) {
  if (!isAppError(error)) throw error;
  console.error(JSON.stringify({ code: error.code, ...error.details }, null, 2));
  process.exitCode = 1;
} finally {
  await stopQueueClient();
  await db.$disconnect();
}
