import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../src/app/database/data-source';
import { TEMPLATE_DB } from '../../support/paths';

// One embedded PostgreSQL for the run; the migrations (from the sources, no build needed)
// go once into a template database, and every suite clones it (CREATE DATABASE … TEMPLATE).
export default async function globalSetup(): Promise<void> {
  const { startEmbeddedPostgres, freePort } = await import('../../../../tools/db/embedded.mjs');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-medium-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: (m: string) => process.stderr.write(`[pg] ${m}\n`) });
  await pg.createDatabase(TEMPLATE_DB);
  const db = new DataSource(dataSourceOptions(pg.url(TEMPLATE_DB), { extra: { max: 1 } }));
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await db.destroy();
  }
  process.env['SPORTELLO_TEST_PG_URL'] = pg.url('postgres');
  (globalThis as Record<string, unknown>)['__SPORTELLO_PG__'] = pg;
}
