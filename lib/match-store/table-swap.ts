import type { PoolClient } from 'pg';

// Replacing a whole table by a copy built beside it, in one transaction: the copy is filled with
// no index, foreign key or trigger to maintain row by row, then given the table's own (indexes
// built by sorting, each foreign key checked in one pass), and takes the table's place at the
// end. Everything is read from the catalogue, so a migration that adds an index, a constraint or
// a trigger to the table is carried over without this file knowing of it
// (tests/integration/rebuild-swap.test.ts compares the definitions before and after). LIKE copies
// the columns with their defaults, checks and NOT NULL constraints under their own names
// (PostgreSQL 18); the indexes are renamed at the swap.
//
// Locks, in order: SHARE ROW EXCLUSIVE on the table from `lockTable` (readers go on, writers wait
// for the commit); SHARE ROW EXCLUSIVE on each table a foreign key references, from `finishCopy`
// (their writers wait, their readers do not); ACCESS EXCLUSIVE on the table and on those tables
// from `swapIn`'s DROP (everything waits): that last part is catalogue work of milliseconds, so
// callers do their long work before it.

export type TableDefinition = {
  table: string;
  indexes: { name: string; definition: string; constraint: 'p' | 'u' | null }[];
  foreignKeys: { name: string; definition: string }[];
  triggers: { name: string; definition: string; enabled: string }[];
  grants: { grantee: string; privilege: string }[];
  options: string[] | null;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The copy's name while it is built: the same for every call, so a leftover would fail loudly. */
export const nextName = (table: string) => `${table}_next`;

export async function lockTable(client: PoolClient, table: string): Promise<void> {
  await client.query(`LOCK TABLE ${quote(table)} IN SHARE ROW EXCLUSIVE MODE`);
}

/** What the copy must be given: read before it is created. */
export async function readDefinition(client: PoolClient, table: string): Promise<TableDefinition> {
  const regclass = quote(table);
  const indexes = await client.query<{ name: string; definition: string; constraint: 'p' | 'u' | null }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, con.contype AS constraint
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u')
      WHERE i.indrelid = $1::regclass ORDER BY c.relname`, [regclass]);
  const foreignKeys = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`, [regclass]);
  const triggers = await client.query<{ name: string; definition: string; enabled: string }>(
    `SELECT tgname AS name, pg_get_triggerdef(oid) AS definition, tgenabled AS enabled FROM pg_trigger
      WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`, [regclass]);
  const grants = await client.query<{ grantee: string; privilege: string }>(
    `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee, a.privilege_type AS privilege
       FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = $1::regclass AND a.grantee <> c.relowner`, [regclass]);
  const options = await client.query<{ options: string[] | null }>(`SELECT reloptions AS options FROM pg_class WHERE oid = $1::regclass`, [regclass]);
  return { table, indexes: indexes.rows, foreignKeys: foreignKeys.rows, triggers: triggers.rows, grants: grants.rows, options: options.rows[0].options };
}

/** The copy: the table's columns, defaults and checks, and nothing else yet. */
export async function createCopy(client: PoolClient, definition: TableDefinition): Promise<string> {
  const next = nextName(definition.table);
  await client.query(`CREATE TABLE ${quote(next)} (LIKE ${quote(definition.table)} INCLUDING ALL EXCLUDING INDEXES)`);
  if (definition.options) await client.query(`ALTER TABLE ${quote(next)} SET (${definition.options.join(', ')})`);
  return next;
}

// pg_get_indexdef and pg_get_triggerdef name the table as `ON [schema.]"Table" `: the copy's
// statements are the same with the copy's name there.
const onTable = (table: string) => new RegExp(`( ON (?:[^ ]+\\.)?)${quote(table).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
const retarget = (definition: string, table: string, next: string) => {
  const pattern = onTable(table);
  if (!pattern.test(definition)) throw new Error(`Cannot place on ${next}: ${definition}`);
  return definition.replace(pattern, `$1${quote(next)} `);
};
const indexOnCopy = (table: string, position: number) => `${nextName(table)}_${position}`;

/**
 * The copy, filled, gets the table's indexes (under names of its own until the swap), foreign keys
 * (checked here, in one pass each), triggers (as enabled on the table) and grants, and fresh
 * statistics.
 */
export async function finishCopy(client: PoolClient, definition: TableDefinition): Promise<void> {
  const { table } = definition;
  const next = nextName(table);
  for (const [position, index] of definition.indexes.entries()) {
    const definitionOnCopy = retarget(index.definition, table, next).replace(`INDEX ${quote(index.name)} ON`, `INDEX ${quote(indexOnCopy(table, position))} ON`);
    await client.query(definitionOnCopy);
  }
  for (const key of definition.foreignKeys) await client.query(`ALTER TABLE ${quote(next)} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
  for (const trigger of definition.triggers) {
    await client.query(retarget(trigger.definition, table, next));
    const state = { D: 'DISABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' }[trigger.enabled];
    if (state) await client.query(`ALTER TABLE ${quote(next)} ${state} TRIGGER ${quote(trigger.name)}`);
  }
  for (const grant of definition.grants) await client.query(`GRANT ${grant.privilege} ON ${quote(next)} TO ${grant.grantee}`);
  await client.query(`ANALYZE ${quote(next)}`);
}

const SWAP_TRIES = 5;
const SWAP_LOCK_WAIT_MS = 1_000;

/**
 * Drops the table, waiting at most a second for its locks while tries remain: while the DROP waits
 * for a long reader of the table or of a table its foreign keys reference, every reader that
 * comes after waits behind it; giving up and trying again a moment later lets them through. The
 * last try waits as long as the session allows.
 */
async function dropForSwap(client: PoolClient, table: string): Promise<void> {
  const { rows: [{ setting }] } = await client.query<{ setting: string }>(`SELECT current_setting('lock_timeout') AS setting`);
  for (let attempt = 1; ; attempt += 1) {
    const last = attempt === SWAP_TRIES;
    await client.query('SAVEPOINT drop_for_swap');
    try {
      if (!last) await client.query(`SELECT set_config('lock_timeout', $1, true)`, [`${SWAP_LOCK_WAIT_MS}ms`]);
      await client.query(`DROP TABLE ${quote(table)}`);
      await client.query(`SELECT set_config('lock_timeout', $1, true)`, [setting]);
      await client.query('RELEASE SAVEPOINT drop_for_swap');
      return;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT drop_for_swap');
      if (last || (error as { code?: string }).code !== '55P03') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** The copy takes the table's place and names: the table is dropped (see the locks above). */
export async function swapIn(client: PoolClient, definition: TableDefinition): Promise<void> {
  const { table } = definition;
  const next = nextName(table);
  await dropForSwap(client, table);
  await client.query(`ALTER TABLE ${quote(next)} RENAME TO ${quote(table)}`);
  for (const [position, index] of definition.indexes.entries()) {
    const onCopy = quote(indexOnCopy(table, position));
    if (index.constraint === 'p') await client.query(`ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(index.name)} PRIMARY KEY USING INDEX ${onCopy}`);
    else if (index.constraint === 'u') await client.query(`ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(index.name)} UNIQUE USING INDEX ${onCopy}`);
    else await client.query(`ALTER INDEX ${onCopy} RENAME TO ${quote(index.name)}`);
  }
}
