// `npm run restore -- <file> [--force]`: loads a file of `npm run backup` into the database
// (embedded unless DATABASE_URL is set; stop `npm start` first).
// - A fresh database (no table yet) is first migrated by the built api (`main.js migrate`).
// - The database must then be at the backup's migration, exactly: otherwise nothing happens.
// - It must be empty, unless --force, which empties it in the same transaction.
// - Every row is loaded in one transaction with triggers off, so a failed restore leaves
//   the database as it was; the sequences get the backup's values.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { onShutdown, ROOT, say } from '../launcher/common.mjs';
import { BackupReader } from './archive.mjs';
import { appliedMigrations, countsTable, describeError, ident, rowCounts, tablesInOrder } from './schema.mjs';
import { openTarget } from './target.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
if (files.length !== 1 || files[0].startsWith('-')) {
  console.error('usage: npm run restore -- <file> [--force]');
  process.exit(2);
}
const file = path.resolve(files[0]);
const started = performance.now();
const API_MAIN = path.join(ROOT, 'dist/api/main.js');

/** A refusal before anything is written: said as it is, without a stack. */
class Refusal extends Error {}
/** A failure while loading, rolled back: said as it is. */
class LoadFailure extends Error {}

if (!existsSync(file)) {
  say(`${file} does not exist.`);
  process.exit(1);
}
const reader = new BackupReader(file);
/** @type {import('./archive.mjs').Manifest} */
let manifest;
try {
  manifest = await reader.open();
} catch (error) {
  say(`restore refused: ${describeError(error)}`);
  process.exit(1);
}
say(`${path.basename(file)}: taken ${manifest.createdAt} from PostgreSQL ${manifest.server}, at migration ${manifest.migration}`);

const target = /** @type {import('./target.mjs').Target} */ (await openTarget({ create: true }));
const stop = onShutdown(() => target.stop());
if (target.running) {
  say('the embedded PostgreSQL is running: stop npm start first (the api must not work on a database being replaced).');
  await stop(1);
}

/** Runs the built api's migrations on the target, as the release would. */
function migrate() {
  if (!existsSync(API_MAIN)) throw new Refusal(`${path.relative(ROOT, API_MAIN)} is missing: build the api first (npx nx build api; npm run restore does).`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [API_MAIN, 'migrate'], {
      env: { ...process.env, DATABASE_URL: target.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Refusal(`the migrations failed (exit ${code}).`))));
  });
}

/**
 * The database's tables must be the backup's, column for column.
 * @param {import('./schema.mjs').TableInfo[]} tables
 */
function checkSameTables(tables) {
  const key = (/** @type {import('./schema.mjs').TableInfo[]} */ list) => list.map((t) => `${t.name}(${[...t.columns].sort().join(',')})`).sort();
  const mine = new Set(key(tables));
  const theirs = new Set(key(manifest.tables));
  const differ = [...mine].filter((t) => !theirs.has(t)).concat([...theirs].filter((t) => !mine.has(t)));
  if (differ.length > 0)
    throw new Refusal(`the database's tables differ from the backup's although the migrations agree: ${differ.map((t) => t.replace(/\(.*$/, '')).join(', ')}.`);
}

const client = new pg.Client({ connectionString: target.url });
let migrated = false;
try {
  await client.connect();
  say(`restoring into ${target.label}`);
  let migrations = await appliedMigrations(client);
  if (migrations === null) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'S')`,
    );
    if (rows[0].n > 0) throw new Refusal('the database has tables but no migrations table: it is not a Sportello database.');
    say('a fresh database: applying the migrations first…');
    await migrate();
    migrated = true;
    migrations = (await appliedMigrations(client)) ?? [];
  }
  if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations)) {
    const at = migrations.at(-1) ?? 'none';
    throw new Refusal(
      `the backup was taken at migration ${manifest.migration}, but the database ${migrated ? '(just migrated by this release) ' : ''}is at migration ${at}. ` +
        `Restore with the release that took the backup (the same migrations), then upgrade by starting the new release.`,
    );
  }
  const tables = await tablesInOrder(client);
  checkSameTables(tables);
  const names = manifest.tables.map((t) => t.name);

  await client.query('BEGIN');
  // Triggers off for this transaction (foreign keys are checked by triggers too): the rows
  // are a consistent copy, and office_config_changed must not rewrite the restored versions.
  // A user who may not (not a superuser) turns off the tables' own triggers instead, as
  // their owner, and the foreign keys are checked in the manifest's order.
  /** @type {string[]} */
  let triggered = [];
  await client.query('SAVEPOINT replica');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== '42501') throw error;
    await client.query('ROLLBACK TO SAVEPOINT replica');
    const { rows } = await client.query(
      `SELECT DISTINCT tgrelid::regclass::text AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal`,
    );
    triggered = rows.map((r) => r.name);
    for (const table of triggered) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    say("not allowed to set session_replication_role: the tables' own triggers are off instead, and foreign keys are checked");
  }
  await client.query(`LOCK TABLE ${names.map(ident).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const present = Object.fromEntries(
    Object.entries(
      await rowCounts(
        client,
        names.filter((n) => n !== 'migrations'),
      ),
    ).filter(([, n]) => n > 0),
  );
  if (Object.keys(present).length > 0 && !force) {
    throw new Refusal(
      `the database is not empty:\n${countsTable(present)}\nRestoring replaces all of it: run again with --force to empty it first (in the same transaction).`,
    );
  }
  if (Object.keys(present).length > 0) say(`--force: emptying ${Object.keys(present).length} table(s) first`);
  await client.query(`TRUNCATE ${names.map(ident).join(', ')}`);

  /** @type {Record<string, number>} */
  const loaded = {};
  for (const table of manifest.tables) {
    const header = await reader.line();
    if (header !== `COPY ${table.name}`) throw new LoadFailure(`the file is damaged: expected the rows of ${table.name}.`);
    const copy = client.query(copyStreams.from(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`));
    try {
      await pipeline(Readable.from(reader.rows()), copy);
    } catch (error) {
      const line = /line (\d+)/.exec(String(/** @type {{ where?: string }} */ (error).where ?? ''))?.[1];
      throw new LoadFailure(`loading ${table.name} failed${line ? ` at its row ${line}` : ''}: ${describeError(error)}`);
    }
    loaded[table.name] = copy.rowCount;
  }
  const trailer = await reader.trailer();
  const wrong = names.filter((n) => trailer.rows[n] !== loaded[n]);
  if (wrong.length > 0) throw new LoadFailure(`the file is damaged: the row counts of ${wrong.join(', ')} differ from the ones recorded at backup.`);
  for (const sequence of trailer.sequences)
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(sequence.name), sequence.value, sequence.isCalled]);
  for (const table of triggered) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  await client.query('COMMIT');

  console.log(countsTable(loaded));
  const total = Object.values(loaded).reduce((a, b) => a + b, 0);
  say(
    `restored ${names.length} tables (${total} rows) and ${trailer.sequences.length} sequences at migration ${manifest.migration} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await client.end();
  await stop(0);
} catch (error) {
  await client.query('ROLLBACK').catch(() => undefined);
  const unchanged = migrated ? 'nothing was loaded (the database keeps the migrations just applied)' : 'nothing was changed';
  if (error instanceof Refusal) say(`restore refused: ${error.message}`);
  else say(`restore failed, ${unchanged}: ${error instanceof LoadFailure ? error.message : describeError(error)}`);
  await client.end().catch(() => undefined);
  await stop(1);
}
