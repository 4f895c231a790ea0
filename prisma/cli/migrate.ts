/** Applies pending migrations to DATABASE_URL, like `prisma migrate deploy`. */
import { applyMigrations } from '../../lib/database/schema-engine';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm run dev` migrates its embedded database by itself.)');
  process.exit(2);
}
const applied = await applyMigrations(url);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
