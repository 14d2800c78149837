// `npm run backup -- [file]`: writes every table of the database (embedded unless
// DATABASE_URL is set) to one gzipped file, by default backups/sportello-<UTC time>.backup.gz.
// One REPEATABLE READ transaction: a consistent copy while the api keeps running. The file
// holds personal data and the server's secrets: it is written readable by its owner only.
// The format is described in archive.mjs; `npm run restore` reads it back.
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { onShutdown, ROOT, say } from '../launcher/common.mjs';
import { END_OF_ROWS, MAGIC } from './archive.mjs';
import { appliedMigrations, countsTable, describeError, ident, sequenceValues, tablesInOrder } from './schema.mjs';
import { openTarget } from './target.mjs';

const args = process.argv.slice(2);
if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
  console.error('usage: npm run backup -- [file]   (default: backups/sportello-<time>.backup.gz)');
  process.exit(2);
}
const stamp = new Date()
  .toISOString()
  .replace(/\.\d+Z$/, 'Z')
  .replaceAll(':', '-');
const file = path.resolve(args[0] ?? path.join(ROOT, 'backups', `sportello-${stamp}.backup.gz`));
const partial = `${file}.partial`;
const started = performance.now();

const target = await openTarget({ create: false });
if (!target) {
  say('there is no embedded database yet (.data/pg): run npm start once, or set DATABASE_URL.');
  process.exit(1);
}
const stop = onShutdown(async () => {
  rmSync(partial, { force: true });
  await target.stop();
});

const client = new pg.Client({ connectionString: target.url });
try {
  await client.connect();
  say(`backing up ${target.label}`);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const migrations = await appliedMigrations(client);
  if (!migrations || migrations.length === 0) throw new Error('this database has no migrations applied: it is not a Sportello database (nothing to back up).');
  const tables = await tablesInOrder(client);
  const server = (await client.query('SHOW server_version')).rows[0].server_version;

  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
  const write = async (/** @type {string} */ text) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const manifest = { createdAt: new Date().toISOString(), server, migration: migrations[migrations.length - 1], migrations, tables };
  await write(`${MAGIC}\n${JSON.stringify(manifest)}\n`);
  /** @type {Record<string, number>} */
  const rows = {};
  for (const table of tables) {
    await write(`COPY ${table.name}\n`);
    const copy = client.query(copyStreams.to(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) TO STDOUT`));
    // pipe, not pipeline: the gzip stream stays open for the next table.
    await new Promise((resolve, reject) => {
      copy.once('error', reject);
      copy.once('end', resolve);
      copy.pipe(gzip, { end: false });
    });
    rows[table.name] = copy.rowCount;
    await write(`${END_OF_ROWS}\n`);
  }
  // After the rows: a sequence is never behind the values the rows took from it.
  const sequences = await sequenceValues(client);
  await client.query('COMMIT');
  await write(`END ${JSON.stringify({ rows, sequences })}\n`);
  gzip.end();
  await written;
  renameSync(partial, file);

  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(countsTable(rows));
  say(`backed up ${tables.length} tables (${total} rows) and ${sequences.length} sequences at migration ${manifest.migration}`);
  say(
    `wrote ${path.relative(process.cwd(), file) || file} (${(statSync(file).size / 1024).toFixed(1)} kB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await client.end();
  await stop(0);
} catch (error) {
  say(`backup failed: ${describeError(error)}`);
  await client.end().catch(() => undefined);
  await stop(1);
}
