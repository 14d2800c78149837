// Generates a TypeORM migration from the difference between the entities and the
// migrations so far, against a throwaway embedded PostgreSQL.
//   npm run migration:generate -- AddSomething
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from './embedded.mjs';

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-migration-'));
const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: console.error });
let status = 1;
try {
  await pg.createDatabase('sportello');
  const cli = ['node_modules/typeorm/cli-ts-node-commonjs.js'];
  const env = { ...process.env, DATABASE_URL: pg.url('sportello'), TS_NODE_PROJECT: 'api/tsconfig.spec.json', TS_NODE_TRANSPILE_ONLY: 'true' };
  const ds = ['-d', 'api/src/app/database/data-source.ts'];
  const run = (args) => spawnSync('node', [...cli, ...args], { stdio: 'inherit', env }).status;
  status = run(['migration:run', ...ds]);
  if (status === 0) status = run(['migration:generate', `api/src/app/database/migrations/${name}`, ...ds, '--pretty']);
  if (status === 0) console.log(`Now add the new class to api/src/app/database/migrations.ts.`);
} finally {
  await pg.stop();
}
process.exit(status ?? 1);
