// `npm run e2e`: builds the app, serves it like `npm start` does (api + web on one port,
// demo data) against a throwaway embedded PostgreSQL, and runs the browser tests in
// real Chromium (playwright-core, Debian's /usr/bin/chromium or CHROME_PATH).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '../db/embedded.mjs';
import { onShutdown, ROOT, run, say, stopChild } from '../launcher/common.mjs';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chrome)) {
  say(`Chromium not found at ${chrome}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(1);
}

say('building the api and the web app…');
await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-e2e-'));
const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: (m) => say(`postgres: ${m}`) });
await pg.createDatabase('sportello');
const port = await freePort();
let api;
let tests;
const stop = onShutdown(async () => {
  await stopChild(tests);
  await stopChild(api);
  await pg.stop();
});

api = spawn(process.execPath, [path.join(ROOT, 'dist/api/main.js')], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: pg.url('sportello'), WEB_DIST: path.join(ROOT, 'dist/web/browser'), DEMO_MODE: 'true', MAIL_DIR: path.join(dataDir, '..', `${path.basename(dataDir)}-mail`) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let apiOutput = '';
await new Promise((resolve, reject) => {
  api.stdout.on('data', (chunk) => {
    apiOutput += chunk;
    if (/listening on port/.test(apiOutput)) resolve();
  });
  api.on('exit', (code) => reject(new Error(`api exited with ${code}:\n${apiOutput}`)));
}).catch((error) => {
  console.error(error.message);
  stop(1);
});

const baseUrl = `http://127.0.0.1:${port}`;
say(`app under test at ${baseUrl}; running the browser tests in ${chrome}`);
tests = spawn('npx', ['jest', '-c', 'web/jest.e2e.config.cts', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, E2E_BASE_URL: baseUrl, CHROME_PATH: chrome },
  stdio: 'inherit',
});
tests.on('exit', (code) => stop(code ?? 1));
