// What a backup holds and a restore checks: the tables of the public schema in foreign-key
// order with their columns, the sequences, and the migrations applied.

/** @typedef {import('pg').ClientBase} ClientBase */
/** @typedef {{ name: string, columns: string[] }} TableInfo */
/** @typedef {{ name: string, value: string, isCalled: boolean }} SequenceValue */

/** The name of a relation of the public schema or of a column, quoted for SQL. */
export const ident = (/** @type {string} */ name) => `"${name.replaceAll('"', '""')}"`;

/**
 * The tables of the public schema, parents before children. Self-references are ignored,
 * and a cycle (none in Sportello's schema today) is broken in name order: restore loads
 * with the foreign-key triggers off (session_replication_role = replica) and checks nothing
 * row by row, so the order matters only where that setting is not allowed.
 * @param {ClientBase} client
 * @returns {Promise<TableInfo[]>}
 */
export async function tablesInOrder(client) {
  const tables = await client.query(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
      FROM pg_class c
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     GROUP BY c.relname`);
  const references = await client.query(`
    SELECT DISTINCT child.relname AS child, parent.relname AS parent
      FROM pg_constraint f
      JOIN pg_class child ON child.oid = f.conrelid
      JOIN pg_class parent ON parent.oid = f.confrelid
     WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace AND f.conrelid <> f.confrelid`);
  /** @type {Map<string, Set<string>>} */
  const parents = new Map(tables.rows.map((t) => [t.name, new Set()]));
  for (const { child, parent } of references.rows) if (parents.has(parent)) parents.get(child)?.add(parent);
  const columns = new Map(tables.rows.map((t) => [t.name, t.columns ?? []]));
  /** @type {string[]} */
  const order = [];
  const pending = new Set([...parents.keys()].sort());
  while (pending.size > 0) {
    const ready = [...pending].filter((name) => [...(parents.get(name) ?? [])].every((p) => !pending.has(p)));
    // A cycle: take the first remaining table by name.
    for (const name of ready.length > 0 ? ready : [[...pending][0]]) {
      order.push(name);
      pending.delete(name);
    }
  }
  return order.map((name) => ({ name, columns: columns.get(name) ?? [] }));
}

/**
 * The sequences of the public schema and their state (`setval(name, value, isCalled)` restores it).
 * @param {ClientBase} client
 * @returns {Promise<SequenceValue[]>}
 */
export async function sequenceValues(client) {
  const { rows } = await client.query(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`);
  /** @type {SequenceValue[]} */
  const values = [];
  for (const { name } of rows) {
    const state = await client.query(`SELECT last_value::text AS value, is_called AS "isCalled" FROM ${ident(name)}`);
    values.push({ name, value: state.rows[0].value, isCalled: state.rows[0].isCalled });
  }
  return values;
}

/**
 * The names of the migrations applied, in order; null when the database has no
 * `migrations` table (nothing migrated yet).
 * @param {ClientBase} client
 * @returns {Promise<string[] | null>}
 */
export async function appliedMigrations(client) {
  const table = await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  if (!table.rows[0].present) return null;
  const { rows } = await client.query('SELECT name FROM migrations ORDER BY id');
  return rows.map((r) => r.name);
}

/**
 * The number of rows of each table (exact: a full count, fine for an office's database).
 * @param {ClientBase} client
 * @param {string[]} tables
 */
export async function rowCounts(client, tables) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const table of tables) counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${ident(table)}`)).rows[0].n);
  return counts;
}

/** A column of figures per table, for the console: names and numbers only. */
export function countsTable(/** @type {Record<string, number>} */ counts) {
  const width = Math.max(...Object.keys(counts).map((n) => n.length));
  return Object.entries(counts)
    .map(([table, n]) => `  ${table.padEnd(width)}  ${String(n).padStart(8)}`)
    .join('\n');
}

/**
 * An error for the console without personal data: PostgreSQL's detail and context lines
 * (which quote the offending row) are left out, and so is a quoted value in the message.
 * @param {unknown} error
 */
export function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const code = /** @type {{ code?: unknown }} */ (error).code;
  const message = error.message.replace(/: ".*"$/s, ': "…"');
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? `${message} (SQLSTATE ${code})` : message;
}
