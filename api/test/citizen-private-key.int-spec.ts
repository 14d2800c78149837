import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, logMessages, RunningApi, startApi, TestDatabase } from './support/api-process';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { CitizenBrowser, RunningProvider, startProviderWith, TestCitizen } from './support/identity-provider';
import { freePort } from './support/smtp';

// Citizens' sign-in with private_key_jwt client authentication (OIDC_PRIVATE_KEY, no
// OIDC_CLIENT_SECRET): the built api against the stand-in provider (tools/oidc/provider.mjs)
// with clients registered by their public JWK, on loopback, real PostgreSQL.

const CITIZEN: TestCitizen = { id: 'dario', firstName: 'Dario', lastName: 'Gallo', fiscalCode: fiscalCode(401, 'M'), email: 'dario.gallo@example.it' };

interface Client {
  clientId: string;
  /** The key the provider knows (its public half is registered). */
  registered: KeyObject;
  /** The key the api signs its client assertions with (OIDC_PRIVATE_KEY). */
  signing: KeyObject;
  /** How the PEM file is written: the api reads PKCS#8, and PKCS#1 (RSA) or SEC1 (EC) too. */
  pem: 'pkcs8' | 'pkcs1' | 'sec1';
  port: number;
}

/** The provider, its clients registered with `jwks` (private_key_jwt). */
function startJwksProvider(clients: Client[]): Promise<RunningProvider> {
  return startProviderWith({
    citizens: [CITIZEN],
    clients: clients.map((c) => ({
      clientId: c.clientId,
      jwks: { keys: [createPublicKey(c.registered).export({ format: 'jwk' })] },
      redirectUri: `http://127.0.0.1:${c.port}/api/citizen/callback`,
      postLogoutRedirectUri: `http://127.0.0.1:${c.port}/`,
    })),
  });
}

describe('citizens sign in with private_key_jwt client authentication (OIDC_PRIVATE_KEY)', () => {
  let db: TestDatabase;
  let provider: RunningProvider;
  let keyDir: string;
  const apis = new Map<string, RunningApi>();

  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const clients: Record<'ec' | 'rsa' | 'unknownKey', Omit<Client, 'port'>> = {
    ec: { clientId: 'sportello-es256', registered: ec, signing: ec, pem: 'pkcs8' },
    rsa: { clientId: 'sportello-rs256', registered: rsa, signing: rsa, pem: 'pkcs1' },
    // Registered with the EC key above; the api signs with another one.
    unknownKey: { clientId: 'sportello-unknown-key', registered: ec, signing: stranger, pem: 'sec1' },
  };
  const base = (name: keyof typeof clients) => (apis.get(name) as RunningApi).baseUrl;
  const sessions = async () => Number((await db.sql.query('SELECT count(*) AS n FROM citizen_session')).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    keyDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-oidc-key-'));
    const withPorts: Array<[string, Client]> = [];
    for (const [name, client] of Object.entries(clients)) withPorts.push([name, { ...client, port: await freePort() }]);
    provider = await startJwksProvider(withPorts.map(([, c]) => c));
    for (const [name, client] of withPorts) {
      const keyFile = path.join(keyDir, `${name}.pem`);
      writeFileSync(keyFile, client.signing.export({ type: client.pem, format: 'pem' }), { mode: 0o600 });
      const publicUrl = `http://127.0.0.1:${client.port}`;
      apis.set(
        name,
        await startApi(db.url, {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: client.clientId,
          OIDC_PRIVATE_KEY: keyFile,
          OIDC_PROVIDER_NAME: 'SPID / CIE (prova)',
          PORT: String(client.port),
          PUBLIC_URL: publicUrl,
          THROTTLE_LIMIT: '100000',
        }),
      );
    }
    // Three api processes one after the other (each key is an api's setting): several times
    // Jest's 30 s on a machine running other suites.
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...apis.values()].map((api) => api.stop()));
    await provider?.stop();
    await db?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it.each([
    ['an EC P-256 key (ES256), PKCS#8 PEM', 'ec'],
    ['an RSA key (RS256), PKCS#1 PEM', 'rsa'],
  ] as const)('the whole sign-in with %s: 302 with the session cookie, /me answers the identity', async (_label, name) => {
    const browser = new CitizenBrowser();
    const before = await sessions();
    const callback = await browser.signIn(base(name), CITIZEN.id, '/le-mie-prenotazioni');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${base(name)}/le-mie-prenotazioni`);
    expect(callback.setCookies.some((c) => c.startsWith('sportello_citizen='))).toBe(true);
    expect(await sessions()).toBe(before + 1);
    const me = await browser.api(base(name), 'GET', '/api/citizen/me');
    expect(me).toMatchObject({
      status: 200,
      body: { fiscalCode: CITIZEN.fiscalCode, firstName: 'Dario', lastName: 'Gallo', email: 'dario.gallo@example.it' },
    });
    expect(logMessages((apis.get(name) as RunningApi).output())).not.toContain('sign-in refused');
  });

  it('a key the provider does not know: the token endpoint refuses the client, the callback fails closed with the page and no session', async () => {
    const browser = new CitizenBrowser();
    const before = await sessions();
    const hop = await browser.signIn(base('unknownKey'), CITIZEN.id);
    const logged = logMessages((apis.get('unknownKey') as RunningApi).output())
      .split('\n')
      .filter((line) => line.includes('sign-in refused'));
    expect(logged[logged.length - 1]).toMatch(/OAUTH_RESPONSE_BODY_ERROR.*\[invalid_client/);
    expect(hop.status).toBe(400);
    expect(hop.contentType).toMatch(/^text\/html/);
    expect(hop.body).toContain('Accesso non riuscito');
    expect(hop.body).toContain('Sign-in failed');
    expect(hop.setCookies.some((c) => c.startsWith('sportello_citizen='))).toBe(false);
    expect(browser.cookie(base('unknownKey'), 'sportello_citizen')).toBeUndefined();
    expect(await sessions()).toBe(before);
    expect((await browser.api(base('unknownKey'), 'GET', '/api/citizen/me')).status).toBe(401);
  });
});
