/** Rebuilds every stored match with the current policy: `npm run matches:rebuild`. */
import { createDb } from '../../lib/db';
import { rebuildAllMatches } from '../../lib/match-store/rebuild';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const db = createDb(url, 4);
const outcome = await rebuildAllMatches(db);
console.log(JSON.stringify(outcome, null, 2));
await db.$disconnect();
