import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_MAIN, TEMPLATE_DB } from './paths';

// One embedded PostgreSQL for the whole run; the schema is migrated once into a template
// database, and every suite gets its own clone of it (CREATE DATABASE … TEMPLATE).
export default async function globalSetup(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: build the api first (nx build api).`);
  const { startEmbeddedPostgres, freePort } = await import('../../../tools/db/embedded.mjs');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-it-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: (m: string) => process.stderr.write(`[pg] ${m}\n`) });
  await pg.createDatabase(TEMPLATE_DB);
  // Migrate with the real, built api: the same code path production uses.
  execFileSync(process.execPath, [API_MAIN, 'migrate'], {
    env: { ...process.env, DATABASE_URL: pg.url(TEMPLATE_DB), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.env['SPORTELLO_TEST_PG_URL'] = pg.url('postgres');
  (globalThis as Record<string, unknown>)['__SPORTELLO_PG__'] = pg;
}
