// The built app served like `npm start` does (api + web on one port, demo data, the demo
// identity provider for "Entra con SPID/CIE") against a throwaway embedded PostgreSQL: for
// the browser tests and the Lighthouse run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '../db/embedded.mjs';
import { ROOT, say, stopChild } from '../launcher/common.mjs';
import { startIdentityProvider } from '../oidc/provider.mjs';

export async function startDemoApp(env = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-demo-'));
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: (m) => say(`postgres: ${m}`) });
  await pg.createDatabase('sportello');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // As `npm start` does in the demo: the stand-in provider on loopback, "DEMO – non è SPID".
  const clientSecret = randomBytes(24).toString('hex');
  const identityProvider = await startIdentityProvider({
    clients: [{ clientId: 'sportello-e2e', clientSecret, redirectUri: `${baseUrl}/api/citizen/callback`, postLogoutRedirectUri: `${baseUrl}/` }],
  });
  const api = spawn(process.execPath, [path.join(ROOT, 'dist/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: pg.url('sportello'),
      WEB_DIST: path.join(ROOT, 'dist/web/browser'),
      DEMO_MODE: 'true',
      MAIL_DIR: `${dataDir}-mail`,
      PUBLIC_URL: baseUrl,
      OIDC_ISSUER: identityProvider.issuer,
      OIDC_CLIENT_ID: 'sportello-e2e',
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_PROVIDER_NAME: 'SPID / CIE (DEMO)',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    await stopChild(api);
    await identityProvider.close();
    await pg.stop();
  };
  let output = '';
  try {
    await new Promise((resolve, reject) => {
      api.stdout.on('data', (chunk) => {
        output += chunk;
        if (/listening on port/.test(output)) resolve();
      });
      api.on('exit', (code) => reject(new Error(`api exited with ${code}:\n${output}`)));
    });
  } catch (error) {
    await identityProvider.close();
    await pg.stop();
    throw error;
  }
  return { baseUrl, api, stop, identityProvider };
}
