// `npm run e2e`: builds the app, serves it like `npm start` does (api + web on one port,
// demo data) against a throwaway embedded PostgreSQL, and runs the browser tests in
// real Chromium (playwright-core, Debian's /usr/bin/chromium or CHROME_PATH).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { onShutdown, ROOT, run, say, stopChild } from '../launcher/common.mjs';
import { startDemoApp } from './demo-app.mjs';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chrome)) {
  say(`Chromium not found at ${chrome}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(1);
}

say('building the api and the web app…');
await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);

// Each browser context sends its own X-Forwarded-For (web/e2e/browser.ts): one citizen each.
const app = await startDemoApp({ TRUST_PROXY: 'loopback' }).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
let tests = null;
const stop = onShutdown(async () => {
  await stopChild(tests);
  await app.stop();
});
app.api.on('exit', () => stop(1));

say(`app under test at ${app.baseUrl}; running the browser tests in ${chrome}`);
tests = spawn('npx', ['jest', '-c', 'web/jest.e2e.config.cts', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, E2E_BASE_URL: app.baseUrl, CHROME_PATH: chrome },
  stdio: 'inherit',
});
tests.on('exit', (code) => stop(code ?? 1));
