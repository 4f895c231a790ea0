/**
 * Imports a published OCDS release or record package (as Prozorro or DREAM publish it) as the
 * tender evidence of a need, the same as the facilitators' import page:
 *
 *   npm run evidence:import -- --need <need id> --source PROZORRO|DREAM --file <package.json>
 *
 * Uses DATABASE_URL. The need is re-ranked through the job queue when the facts changed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run evidence:import -- --need <need id> --source PROZORRO|DREAM --file <package.json>';

let options: { need?: string; source?: string; file?: string };
try {
  options = parseArgs({ options: { need: { type: 'string' }, source: { type: 'string' }, file: { type: 'string' } }, strict: true }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { need, source, file } = options;
if (!need || !file || (source !== 'PROZORRO' && source !== 'DREAM')) {
  console.error(USAGE);
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set: point it at the database the app uses.');
  process.exit(2);
}

const { createDb } = await import('../../lib/db');
const { importPackage } = await import('../../lib/evidence/import-evidence');
const { stopQueueClient } = await import('../../lib/match-store/enqueue');
const db = createDb(process.env.DATABASE_URL, 2);
try {
  const saved = await importPackage(db, null, need, source, JSON.parse(readFileSync(file, 'utf8')));
  const row = await db.tenderEvidence.findUniqueOrThrow({ where: { id: saved.id } });
  console.log(JSON.stringify({ status: row.status, ocid: row.ocid, detail: row.statusDetail, procedure: row.procurementMethod, bids: row.numberOfTenderers }, null, 2));
  process.exitCode = row.status === 'VERIFIED' ? 0 : 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await stopQueueClient();
  await db.$disconnect();
}
