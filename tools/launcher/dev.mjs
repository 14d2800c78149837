// `npm run dev`: live reload. The api (port 3000) is rebuilt and restarted on every
// change; the Angular dev server (port 4200) proxies /api to it.
import { spawn } from 'node:child_process';
import { demoAccounts, isDemoMode, NX_ENV, onShutdown, openDatabase, ROOT, say, stopChild } from './common.mjs';

const database = await openDatabase();
// eslint-disable-next-line prefer-const -- assigned below, after the shutdown hook that stops it
let nx;
const stop = onShutdown(async () => {
  await stopChild(nx);
  await database.stop();
});
say('starting the api and the web dev server with live reload: open http://localhost:4200');
if (isDemoMode(database.embedded)) console.log(`\n${demoAccounts('http://localhost:4200')}`);
nx = spawn('npx', ['nx', 'run-many', '-t', 'serve', '-p', 'api', 'web', '--output-style=stream'], {
  cwd: ROOT,
  env: {
    ...process.env,
    ...NX_ENV,
    PORT: '3000',
    DATABASE_URL: database.url,
    DEMO_MODE: process.env.DEMO_MODE ?? String(database.embedded),
  },
  stdio: 'inherit',
  // Its own process group: npx, nx, the dev servers and their watchers stop together.
  detached: true,
});
nx.detached = true;
nx.on('exit', (code) => stop(code ?? 0));
