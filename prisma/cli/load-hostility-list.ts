/**
 * Loads an order of the Ministry into the hostilities list, as the admin page does: first a
 * preview (nothing written), then, with --apply <checksum> from that preview, the order itself.
 * Acts as an existing ADMIN, named by e-mail, who is recorded as having loaded it.
 *
 *   DATABASE_URL=… npm run hostility:load -- --admin a@example.org --kind AMENDMENT \
 *     --order 26 --date 2026-01-08 [--source "…"] path/to/table.csv [--apply <checksum>]
 *
 * Columns and formats accepted: prisma/reference/README.md, "Loading an edition or an amendment".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../../lib/db';
import { isAppError } from '../../lib/errors';
import { applyHostilityList, previewHostilityList } from '../../lib/hostility-list/load-edition';
import { stopQueueClient } from '../../lib/match-store/enqueue';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    admin: { type: 'string' }, kind: { type: 'string', default: 'AMENDMENT' }, order: { type: 'string' },
    date: { type: 'string' }, source: { type: 'string' }, apply: { type: 'string' },
  },
});
const url = process.env.DATABASE_URL;
if (!url || !values.admin || !values.order || !values.date || positionals.length !== 1) {
  console.error('usage: DATABASE_URL=… npm run hostility:load -- --admin <e-mail> --kind EDITION|AMENDMENT --order <no.> --date YYYY-MM-DD [--source …] <table.csv> [--apply <checksum>]');
  process.exit(2);
}
const db = createDb(url, 2);
try {
  const user = await db.user.findFirst({ where: { email: values.admin.toLowerCase(), role: 'ADMIN', disabledAt: null } });
  if (!user) throw new Error(`No active ADMIN with the e-mail ${values.admin}`);
  const actor = { userId: user.id, role: user.role, companyId: null, municipalityId: null };
  const file = positionals[0];
  const input = {
    kind: values.kind, orderNumber: values.order, orderDate: values.date,
    source: values.source ?? path.basename(file), hostilityTable: readFileSync(file, 'utf8'),
  };
  const result = values.apply
    ? await applyHostilityList(db, actor, { ...input, checksum: values.apply }, { ip: null, viaCommandLine: true })
    : await previewHostilityList(db, actor, input, { viaCommandLine: true });
  console.log(JSON.stringify({ applied: Boolean(values.apply), ...result }, null, 2));
  if (!values.apply) console.log(`\nTo apply exactly this: add --apply ${result.checksum}`);
} catch (error) {
  if (isAppError(error)) {
    console.error(JSON.stringify({ code: error.code, ...error.details, fieldErrors: undefined }, null, 2));
    process.exitCode = 1;
  } else throw error;
} finally {
  await stopQueueClient();
  await db.$disconnect();
}
