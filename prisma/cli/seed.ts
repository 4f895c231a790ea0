/**
 * Prepares DATABASE_URL (migrations, reference data) and seeds the demo world into it once:
 * `npm run db:seed`. Development databases only: refused with NODE_ENV=production.
 */
import { prepareDatabase } from '../../lib/database/prepare';
import { assertNotProduction, seedDemoForDevelopment } from '../seed/development';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm run dev` seeds its embedded database by itself.)');
  process.exit(2);
}
assertNotProduction();
const prepared = await prepareDatabase(url);
const demo = await seedDemoForDevelopment(url);
console.log(JSON.stringify({ appliedMigrations: prepared.appliedMigrations, reference: prepared.reference, demo }, null, 2));
