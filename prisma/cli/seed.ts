/** Loads reference data and (unless SEED_DEMO_DATA=false) the demo world into DATABASE_URL. */
import { prepareDatabase } from '../../lib/database/prepare';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm run dev` seeds its embedded database by itself.)');
  process.exit(2);
}
const result = await prepareDatabase(url, { seedDemo: process.env.SEED_DEMO_DATA !== 'false' });
console.log(JSON.stringify(result, null, 2));
