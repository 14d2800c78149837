// `npm start`: builds what changed, starts PostgreSQL (embedded unless DATABASE_URL is
// set), applies migrations, seeds the demo office on an empty database, and serves the
// api and the web app together on one port.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { assertReadable, demoAccounts, demoCitizens, elapsed, isDemoMode, onShutdown, openDatabase, ROOT, run, say, stopChild } from './common.mjs';

const port = process.env.PORT || '3000';
say('building the api and the web app (the first build takes about a minute; later ones come from the cache)…');
await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
say(`built – ${elapsed()}`);
const apiMain = path.join(ROOT, 'dist/api/main.js');
const webDist = path.join(ROOT, 'dist/web/browser');
assertReadable(apiMain, 'The api build did not produce it.');
assertReadable(path.join(webDist, 'index.html'), 'The web build did not produce it.');

// eslint-disable-next-line prefer-const -- assigned below, after the shutdown hook that stops it
let api;
let identityProvider = null;
const database = await openDatabase();
const stop = onShutdown(async () => {
  say('stopping…');
  await stopChild(api);
  await identityProvider?.close();
  await database.stop();
  say('stopped');
});

const demo = database.embedded;
const demoMode = isDemoMode(demo);
const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
// The demo's sign-in: a local stand-in provider labelled "DEMO – non è SPID", in demo mode only and
// only when no real provider is configured (OIDC_ISSUER). It is never started outside the demo.
let oidcEnv = {};
if (demoMode && !process.env.OIDC_ISSUER) {
  const { startIdentityProvider } = await import('../oidc/provider.mjs');
  const clientSecret = randomBytes(24).toString('hex');
  identityProvider = await startIdentityProvider({
    clients: [{ clientId: 'sportello-demo', clientSecret, redirectUri: `${publicUrl}/api/citizen/callback`, postLogoutRedirectUri: `${publicUrl}/` }],
  });
  oidcEnv = {
    OIDC_ISSUER: identityProvider.issuer,
    OIDC_CLIENT_ID: 'sportello-demo',
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_PROVIDER_NAME: 'SPID / CIE (DEMO)',
  };
  say(`demo identity provider (DEMO – non è SPID) at ${identityProvider.issuer}`);
}
api = spawn(process.execPath, ['--enable-source-maps', apiMain], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: port,
    DATABASE_URL: database.url,
    WEB_DIST: webDist,
    DEMO_MODE: process.env.DEMO_MODE ?? String(demo),
    ...oidcEnv,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
api.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (/listening on port \d+/.test(chunk.toString())) {
    const url = process.env.PUBLIC_URL || `http://localhost:${port}`;
    say(`ready in ${elapsed()}`);
    console.log(`\n  Sportello is running at ${url}\n  API docs: ${url}/api/docs\n`);
    if (demoMode) console.log(demoAccounts(url));
    if (identityProvider) console.log(demoCitizens(identityProvider.citizens));
    console.log('  Press Ctrl-C to stop.\n');
  }
});
api.on('exit', (code, signal) => {
  if (code !== 0 && signal === null) say(`the api exited with code ${code}`);
  stop(code ?? 0);
});
