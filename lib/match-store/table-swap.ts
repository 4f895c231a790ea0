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
// The old table is not dropped in that transaction: dropping it would take ACCESS EXCLUSIVE on
// every table its foreign keys reference (`Need`, `Company`…) while the swap holds other locks,
// and any transaction that read one of them and then queued behind the swap would deadlock with
// it. It is renamed aside instead (ACCESS EXCLUSIVE on itself only) and dropped after the commit,
// in a transaction of its own that holds nothing else (`dropRetired`).
//
// Locks: SHARE ROW EXCLUSIVE on the table from `lockTable` (readers go on, writers wait for the
// commit; they take the rebuild's advisory lock first, lib/match-store/rebuild-lock.ts, so they
// wait holding nothing); in `swapIn`, SHARE ROW EXCLUSIVE on each table a foreign key references
// (their writers wait, their readers do not), then ACCESS EXCLUSIVE on the table for the renames.
// `swapIn` waits for each lock at most half a second, below PostgreSQL's deadlock_timeout of a
// second, and on giving up rolls its part back — releasing what it held there — and tries again.

export type TableDefinition = {
  table: string;
  /** `quoted`: the name as pg_get_indexdef writes it (quote_ident). */
  indexes: { name: string; quoted: string; definition: string; constraint: 'p' | 'u' | null }[];
  foreignKeys: { name: string; definition: string }[];
  triggers: { name: string; definition: string; enabled: string }[];
  grants: { grantee: string; privilege: string; grantable: boolean }[];
  options: string[] | null;
  owner: string;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The copy's name while it is built: the same for every call, so a leftover would fail loudly. */
export const nextName = (table: string) => `${table}_next`;
/**
 * The old table's name from the swap until it is dropped: one of its own per swap, so that an old
 * table whose drop had to wait (its tables busy) never stands in the way of the next swap.
 */
export const retiredName = (table: string) => `${table}_retired_${Date.now().toString(36)}`;

export async function lockTable(client: PoolClient, table: string): Promise<void> {
  await client.query(`LOCK TABLE ${quote(table)} IN SHARE ROW EXCLUSIVE MODE`);
}

/** What the copy must be given: read before it is created. */
export async function readDefinition(client: PoolClient, table: string): Promise<TableDefinition> {
  const regclass = quote(table);
  // Found out now, not after the whole write: only the table's owner may rename it, and the copy is
  // given to the same owner.
  const { rows: [{ owns, owner }] } = await client.query<{ owns: boolean; owner: string }>(
    `SELECT pg_has_role(current_user, relowner, 'USAGE') AND pg_has_role(current_user, relowner, 'SET') AS owns, quote_ident(pg_get_userbyid(relowner)) AS owner FROM pg_class WHERE oid = $1::regclass`, [regclass]);
  if (!owns) throw new Error(`The rebuild replaces ${table} and must run as its owner (or a member of the owning role)`);
  const indexes = await client.query<{ name: string; quoted: string; definition: string; constraint: 'p' | 'u' | null }>(
    `SELECT c.relname AS name, quote_ident(c.relname) AS quoted, pg_get_indexdef(i.indexrelid) AS definition, con.contype AS constraint
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u')
      WHERE i.indrelid = $1::regclass ORDER BY c.relname`, [regclass]);
  const foreignKeys = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`, [regclass]);
  const triggers = await client.query<{ name: string; definition: string; enabled: string }>(
    `SELECT tgname AS name, pg_get_triggerdef(oid) AS definition, tgenabled AS enabled FROM pg_trigger
      WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`, [regclass]);
  const grants = await client.query<{ grantee: string; privilege: string; grantable: boolean }>(
    `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee, a.privilege_type AS privilege,
        a.is_grantable AS grantable
       FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = $1::regclass AND a.grantee <> c.relowner`, [regclass]);
  const options = await client.query<{ options: string[] | null }>(`SELECT reloptions AS options FROM pg_class WHERE oid = $1::regclass`, [regclass]);
  return { table, indexes: indexes.rows, foreignKeys: foreignKeys.rows, triggers: triggers.rows, grants: grants.rows, options: options.rows[0].options, owner };
}

/** The copy: the table's columns, defaults and checks, and nothing else yet. */
export async function createCopy(client: PoolClient, definition: TableDefinition): Promise<string> {
  const next = nextName(definition.table);
  await client.query(`CREATE TABLE ${quote(next)} (LIKE ${quote(definition.table)} INCLUDING ALL EXCLUDING INDEXES)`);
  await client.query(`ALTER TABLE ${quote(next)} OWNER TO ${definition.owner}`);
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

/** The copy, filled, gets the table's indexes (under names of its own until the swap) and fresh statistics. */
export async function indexCopy(client: PoolClient, definition: TableDefinition): Promise<void> {
  const { table } = definition;
  const next = nextName(table);
  for (const [position, index] of definition.indexes.entries()) {
    const named = `INDEX ${index.quoted} ON`;
    if (!index.definition.includes(named)) throw new Error(`Cannot rename ${index.name}: ${index.definition}`);
    const definitionOnCopy = retarget(index.definition, table, next).replace(named, `INDEX ${quote(indexOnCopy(table, position))} ON`);
    await client.query(definitionOnCopy);
  }
  await client.query(`ANALYZE ${quote(next)}`);
}

const SWAP_TRIES = 5;
const SWAP_LOCK_WAIT = '500ms';
/** The last try's wait: longer, still bounded — past it the job fails and is retried whole. */
const SWAP_LAST_LOCK_WAIT = '5s';
const RETRIED = new Set(['55P03', '40P01']); // lock_not_available, deadlock_detected

/**
 * The copy gets the table's foreign keys (each checked in one pass), triggers (as enabled on the
 * table) and grants; `beforeSwap` runs (work that must hold the referenced tables' locks first);
 * the table is renamed aside, the copy takes its name and its indexes the table's; `afterSwap` runs.
 * All of it is one savepoint, tried again when a lock was not granted in time (see above); the
 * last try waits up to five seconds per lock, then fails the rebuild (its job is retried).
 */
export async function swapIn(
  client: PoolClient, definition: TableDefinition, work: { beforeSwap: () => Promise<void>; afterSwap: () => Promise<void> },
): Promise<{ tries: number }> {
  const { table } = definition;
  const next = nextName(table);
  const { rows: [{ setting }] } = await client.query<{ setting: string }>(`SELECT current_setting('lock_timeout') AS setting`);
  for (let tries = 1; ; tries += 1) {
    const last = tries === SWAP_TRIES;
    await client.query('SAVEPOINT swap_in');
    try {
      await client.query(`SELECT set_config('lock_timeout', $1, true)`, [last ? SWAP_LAST_LOCK_WAIT : SWAP_LOCK_WAIT]);
      for (const key of definition.foreignKeys) await client.query(`ALTER TABLE ${quote(next)} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`);
      for (const trigger of definition.triggers) {
        await client.query(retarget(trigger.definition, table, next));
        const state = { D: 'DISABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' }[trigger.enabled];
        if (state) await client.query(`ALTER TABLE ${quote(next)} ${state} TRIGGER ${quote(trigger.name)}`);
      }
      for (const grant of definition.grants) {
        await client.query(`GRANT ${grant.privilege} ON ${quote(next)} TO ${grant.grantee}${grant.grantable ? ' WITH GRANT OPTION' : ''}`);
      }
      await work.beforeSwap();
      // The old table and its indexes step aside (their names are the copy's to take), then the copy
      // takes them.
      const retired = retiredName(table);
      await client.query(`ALTER TABLE ${quote(table)} RENAME TO ${quote(retired)}`);
      // Until it is dropped it is nobody's: its triggers (the review queue's counts) must not fire
      // on a cascade from a deleted company, nor autovacuum work on it.
      await client.query(`ALTER TABLE ${quote(retired)} DISABLE TRIGGER USER, SET (autovacuum_enabled = off)`);
      for (const [position, index] of definition.indexes.entries()) {
        await client.query(`ALTER INDEX ${quote(index.name)} RENAME TO ${quote(`${retired}_${position}`)}`);
      }
      await client.query(`ALTER TABLE ${quote(next)} RENAME TO ${quote(table)}`);
      for (const [position, index] of definition.indexes.entries()) {
        const onCopy = quote(indexOnCopy(table, position));
        if (index.constraint === 'p') await client.query(`ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(index.name)} PRIMARY KEY USING INDEX ${onCopy}`);
        else if (index.constraint === 'u') await client.query(`ALTER TABLE ${quote(table)} ADD CONSTRAINT ${quote(index.name)} UNIQUE USING INDEX ${onCopy}`);
        else await client.query(`ALTER INDEX ${onCopy} RENAME TO ${quote(index.name)}`);
      }
      await work.afterSwap();
      await client.query(`SELECT set_config('lock_timeout', $1, true)`, [setting]);
      await client.query('RELEASE SAVEPOINT swap_in');
      return { tries };
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT swap_in');
      await client.query('RELEASE SAVEPOINT swap_in');
      if (last || !RETRIED.has((error as { code?: string }).code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * tries));
    }
  }
}

/**
 * Drops the tables swaps renamed aside, after their swap committed: a DROP takes ACCESS EXCLUSIVE
 * on the tables its foreign keys reference, so each waits half a second at a time, holding
 * nothing else; one whose tables stay busy is left for the next call. The names left, if any.
 */
export async function dropRetired(client: PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relkind = 'r' AND starts_with(relname, $1) AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
    [`${table}_retired_`]);
  const left: string[] = [];
  for (const { name } of rows) {
    let dropped = false;
    for (let tries = 1; tries <= SWAP_TRIES && !dropped; tries += 1) {
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('lock_timeout', $1, true)`, [SWAP_LOCK_WAIT]);
        await client.query(`DROP TABLE IF EXISTS ${quote(name)}`);
        await client.query('COMMIT');
        dropped = true;
      } catch (error) {
        await client.query('ROLLBACK');
        if (!RETRIED.has((error as { code?: string }).code ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * tries));
      }
    }
    if (!dropped) left.push(name);
  }
  return left;
}
