// A local OpenID Connect provider (oidc-provider 9) standing in for the comune's SPID/CIE
// gateway: the demo of `npm start` (DEMO_MODE only) and the api's integration tests use
// it, on loopback. Its pages say "DEMO – non è SPID": it signs in fictitious citizens
// with one click and checks nothing. Never run it in front of real citizens.
//
//   import { startIdentityProvider, DEMO_CITIZENS } from './provider.mjs';
//   const idp = await startIdentityProvider({ clients: [{ clientId, clientSecret, redirectUri, postLogoutRedirectUri }] });
//   // or, for private_key_jwt, the client's public key(s) instead of a secret:
//   const idp = await startIdentityProvider({ clients: [{ clientId, jwks: { keys: [publicJwk] }, redirectUri }] });
//   idp.issuer; await idp.close();
//
// As a process (the tests): `node tools/oidc/provider.mjs '<options as JSON>'` prints one
// line `{"issuer":"http://127.0.0.1:PORT"}` once it listens, and stops on SIGTERM.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

/** Three fictitious citizens with valid codici fiscali (SPID gives them with the TINIT- prefix). */
export const DEMO_CITIZENS = [
  { id: 'giulia', firstName: 'Giulia', lastName: 'Bianchi', fiscalCode: 'BNCGLI85C52B399J', email: 'giulia.bianchi@example.it' },
  { id: 'marco', firstName: 'Marco', lastName: 'Rossi', fiscalCode: 'RSSMRC78S03A944I', email: 'marco.rossi@example.it' },
  { id: 'chiara', firstName: 'Chiara', lastName: 'Esposito', fiscalCode: 'SPSCHR92L65B399D', email: 'chiara.esposito@example.it' },
];

const LABEL = 'DEMO – non è SPID';
/** The ways a test can make the next ID token wrong (re-signed with the provider's own key: only the claim is wrong). */
const FAULTS = ['iss', 'aud', 'nonce', 'expired'];

/**
 * Starts the provider on `host:port` (port 0: a free one).
 * - `clients`: `{ clientId, clientSecret, redirectUri, postLogoutRedirectUri? }`, client_secret_basic;
 *   or with `jwks` (a JWK Set of the client's public keys, RSA or EC P-256) instead of
 *   `clientSecret`: private_key_jwt, RS256 for an RSA key, ES256 for an EC one;
 * - `citizens`: the accounts offered on the sign-in page (default DEMO_CITIZENS); one without
 *   `fiscalCode` gives an ID token without the fiscal-number claim;
 * - `testControls`: `POST /_test/fault?kind=iss|aud|nonce|expired` makes the next ID token wrong.
 */
export async function startIdentityProvider({ host = '127.0.0.1', port = 0, clients, citizens = DEMO_CITIZENS, testControls = false } = {}) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const server = createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const issuer = `http://${host}:${server.address().port}`;
  const accounts = new Map(citizens.map((c) => [c.id, c]));
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      redirect_uris: [c.redirectUri],
      post_logout_redirect_uris: c.postLogoutRedirectUri ? [c.postLogoutRedirectUri] : [],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      ...clientAuthentication(c),
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // The names and the codice fiscale in the ID token, as SPID/CIE gateways commonly give them.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', FISCAL_NUMBER_CLAIM], email: ['email', 'email_verified'] },
    findAccount: (_ctx, id) => {
      const citizen = accounts.get(id);
      if (!citizen) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          given_name: citizen.firstName,
          family_name: citizen.lastName,
          email: citizen.email,
          email_verified: true,
          ...(citizen.fiscalCode && { [FISCAL_NUMBER_CLAIM]: `TINIT-${citizen.fiscalCode}` }),
        }),
      };
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page(
            'Uscita',
            `<p>Vuoi uscire anche dal fornitore di identità dimostrativo?</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Esci</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page('Uscita', '<p>Sei uscito.</p>');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Errore', `<p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
    },
  });
  // Behind nothing: no proxy headers to trust.
  provider.proxy = false;

  let fault = null;
  provider.use(async (ctx, next) => {
    await next();
    if (!fault || ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.id_token) return;
    const kind = fault;
    fault = null;
    const claims = JSON.parse(Buffer.from(ctx.body.id_token.split('.')[1], 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    if (kind === 'iss') claims.iss = `${issuer}/someone-else`;
    if (kind === 'aud') claims.aud = 'another-client';
    if (kind === 'nonce') claims.nonce = 'not-the-one-sent';
    if (kind === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
    ctx.body = { ...ctx.body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey) };
  });

  const handle = provider.callback();
  server.on('request', (req, res) => {
    interaction(req, res).then(
      (handled) => {
        if (!handled) handle(req, res);
      },
      (error) => {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('Errore', `<p>${escape(error.message)}</p>`));
      },
    );
  });

  /** The sign-in page (one button per citizen) and its answer; the test controls. */
  async function interaction(req, res) {
    const url = new URL(req.url, issuer);
    if (testControls && req.method === 'POST' && url.pathname === '/_test/fault') {
      const kind = url.searchParams.get('kind');
      if (!FAULTS.includes(kind)) throw new Error(`kind must be one of ${FAULTS.join(', ')}`);
      fault = kind;
      res.writeHead(204).end();
      return true;
    }
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
    if (!match) return false;
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && !match[2]) {
      const buttons = [...accounts.values()]
        .map(
          (c) =>
            `<form method="post" action="/interaction/${details.uid}/login"><input type="hidden" name="citizen" value="${escape(c.id)}"><button type="submit">${escape(`${c.firstName} ${c.lastName}`)}</button> <small>${escape(c.fiscalCode ?? 'senza codice fiscale')}</small></form>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page('Accesso', `<p>Scegli un cittadino fittizio (nessuna password: è una dimostrazione).</p>${buttons}`));
      return true;
    }
    if (req.method !== 'POST' || !match[2]) return false;
    const form = new URLSearchParams(await readBody(req));
    const accountId = form.get('citizen') ?? '';
    if (!accounts.has(accountId)) throw new Error('unknown citizen');
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    return true;
  }

  return {
    issuer,
    citizens,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A client's token endpoint authentication: its public keys (private_key_jwt) or its secret (client_secret_basic). */
function clientAuthentication(client) {
  if (client.jwks && client.clientSecret) throw new Error(`client ${client.clientId}: clientSecret and jwks exclude each other`);
  if (!client.jwks) return { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' };
  const [first] = client.jwks.keys ?? [];
  if (!first) throw new Error(`client ${client.clientId}: jwks has no keys`);
  const alg = first.alg ?? (first.kty === 'EC' ? 'ES256' : 'RS256');
  return { jwks: client.jwks, token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: alg };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(title, content) {
  return `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${LABEL}</title></head><body><header><strong>${LABEL}</strong> · Fornitore di identità dimostrativo di Sportello / demonstration identity provider, not SPID</header><main><h1>${title}</h1>${content}</main></body></html>`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const idp = await startIdentityProvider(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(`${JSON.stringify({ issuer: idp.issuer })}\n`);
  process.on('SIGTERM', () => idp.close().then(() => process.exit(0)));
}
