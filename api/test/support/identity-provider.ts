import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { WORKSPACE_ROOT } from './paths';
import type { Reply } from './staff';

/** The stand-in provider (tools/oidc/provider.mjs, the demo's too), as a process on loopback. */
export const PROVIDER_SCRIPT = path.join(WORKSPACE_ROOT, 'tools/oidc/provider.mjs');
export const CLIENT_ID = 'sportello-test';
export const CLIENT_SECRET = 'a-client-secret-for-the-tests-only';

export interface TestCitizen {
  id: string;
  firstName: string;
  lastName: string;
  fiscalCode?: string;
  email: string;
}

export interface RunningProvider {
  issuer: string;
  /** The next ID token carries a wrong claim (re-signed with the provider's key). */
  fault(kind: 'iss' | 'aud' | 'nonce' | 'expired'): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the provider for an api at `publicUrl`; `citizens` replace the demo ones. */
export function startProvider(publicUrl: string, citizens?: TestCitizen[]): Promise<RunningProvider> {
  return startProviderWith({
    testControls: true,
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${publicUrl}/api/citizen/callback`, postLogoutRedirectUri: `${publicUrl}/` }],
    ...(citizens && { citizens }),
  });
}

/** The provider as a process with these options (tools/oidc/provider.mjs: clients, citizens, testControls). */
export function startProviderWith(options: Record<string, unknown>): Promise<RunningProvider> {
  const child: ChildProcess = spawn(process.execPath, [PROVIDER_SCRIPT, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"issuer"'));
      if (!line) return;
      const issuer = (JSON.parse(line) as { issuer: string }).issuer;
      resolve({
        issuer,
        async fault(kind) {
          const answer = await fetch(`${issuer}/_test/fault?kind=${kind}`, { method: 'POST' });
          if (answer.status !== 204) throw new Error(`fault ${kind}: ${answer.status}`);
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`provider exited with ${code}:\n${output}`)));
  });
}

/** The api's settings for this provider. */
export function oidcEnv(provider: RunningProvider, extra: Record<string, string> = {}): Record<string, string> {
  return { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_PROVIDER_NAME: 'SPID / CIE (prova)', ...extra };
}

export interface Hop {
  status: number;
  location: string | null;
  setCookies: string[];
  body: string;
  contentType: string;
}

/**
 * A browser: one cookie jar per origin (host:port), redirects followed by hand so that each
 * hop can be looked at. Enough HTTP for the provider's pages and the api.
 */
export class CitizenBrowser {
  readonly jars = new Map<string, Map<string, string>>();

  jar(url: string): Map<string, string> {
    const host = new URL(url).host;
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map()));
    return jar;
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(url).get(name);
  }

  async hop(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<Hop> {
    const jar = this.jar(url);
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...headers },
      body,
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      location: location ? new URL(location, url).href : null,
      setCookies,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
  }

  /** Follows redirects from `url` until an answer that is not one, or until `stopAt` says so; every hop returned. */
  async follow(url: string, stopAt: (hop: Hop) => boolean = () => false): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | null = url;
    for (let i = 0; next && i < 15; i++) {
      const hop = await this.hop('GET', next);
      hops.push(hop);
      if (stopAt(hop) || hop.status < 300 || hop.status >= 400) break;
      next = hop.location;
    }
    return hops;
  }

  /**
   * From the api's login to the provider's redirect back with the code: the sign-in page,
   * one click on the citizen. Returns the callback URL (not yet visited).
   */
  async authorise(apiBase: string, citizenId: string, returnTo = '/le-mie-prenotazioni'): Promise<string> {
    const callback = `${apiBase}/api/citizen/callback`;
    const hops = await this.follow(`${apiBase}/api/citizen/login?returnTo=${encodeURIComponent(returnTo)}`);
    const page = hops[hops.length - 1];
    if (page.status !== 200) throw new Error(`no sign-in page: ${page.status} ${page.body.slice(0, 300)}`);
    const pageUrl = hops.length > 1 ? (hops[hops.length - 2].location as string) : '';
    const action = /action="([^"]+\/login)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no sign-in form: ${page.body.slice(0, 300)}`);
    const posted = await this.hop('POST', new URL(action, pageUrl).href, new URLSearchParams({ citizen: citizenId }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const back = await this.follow(posted.location as string, (hop) => (hop.location ?? '').startsWith(callback));
    const last = back[back.length - 1];
    if (!last.location?.startsWith(callback)) throw new Error(`the provider did not send back: ${last.status} ${last.body.slice(0, 300)}`);
    return last.location;
  }

  /** The whole sign-in; returns the callback's answer. */
  async signIn(apiBase: string, citizenId: string, returnTo?: string): Promise<Hop> {
    return this.hop('GET', await this.authorise(apiBase, citizenId, returnTo));
  }

  /** A call to the api with this browser's cookies (and the citizen's CSRF header on unsafe methods unless `csrf: false`). */
  async api(apiBase: string, method: string, path: string, body?: unknown, { csrf = true }: { csrf?: boolean } = {}): Promise<Reply> {
    const jar = this.jar(apiBase);
    const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const xsrf = jar.get('CITIZEN-XSRF-TOKEN');
    if (csrf && method !== 'GET' && xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    const response = await fetch(`${apiBase}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
    };
  }
}
