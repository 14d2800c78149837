// `npm run create-admin -- --username NAME [--name "Display name"]`: builds the api if
// needed, opens the database (embedded in .data/pg unless DATABASE_URL is set; stop
// `npm start` first when using the embedded one) and runs
// `node dist/api/main.js create-admin …`. The password comes from ADMIN_PASSWORD or is
// asked for on the terminal without echo.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { assertReadable, DATABASE_NAME, onShutdown, openDatabase, ROOT, run, say } from './common.mjs';

await run('npx', ['nx', 'build', 'api', '--output-style=static']);
const apiMain = path.join(ROOT, 'dist/api/main.js');
assertReadable(apiMain, 'The api build did not produce it.');

const database = await openDatabase();
const stop = onShutdown(() => database.stop());
if (database.embedded) say(`using the embedded PostgreSQL (database ${DATABASE_NAME} in .data/pg)`);
const child = spawn(process.execPath, [apiMain, 'create-admin', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  stdio: 'inherit',
});
child.on('exit', (code) => stop(code ?? 1));
