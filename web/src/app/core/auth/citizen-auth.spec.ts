import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CITIZEN, NO_SIGN_IN_CONFIG, SIGN_IN_CONFIG } from '../../testing/fixtures';
import { CitizenAuth, readCookie } from './citizen-auth';

const COOKIE = 'CITIZEN-XSRF-TOKEN';

function setCookie(value: string): void {
  document.cookie = `${COOKIE}=${value}; path=/`;
}

function clearCookie(): void {
  document.cookie = `${COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
}

describe('CitizenAuth', () => {
  let auth: CitizenAuth;
  let http: HttpTestingController;

  beforeEach(() => {
    clearCookie();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(CitizenAuth);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    clearCookie();
    http.verify();
  });

  /** Signs in: the api offers SPID/CIE, the cookie is there, /api/citizen/me answers. */
  async function signIn(): Promise<void> {
    setCookie('citizen-token');
    const loaded = auth.ensureLoaded();
    http.expectOne('/api/config').flush(SIGN_IN_CONFIG);
    // /me is asked once the configuration has arrived (a microtask later).
    await Promise.resolve();
    http.expectOne('/api/citizen/me').flush(CITIZEN);
    expect(await loaded).toEqual(CITIZEN);
  }

  it('sign-in not offered: anonymous, without asking /api/citizen/me (even with the cookie)', async () => {
    setCookie('citizen-token');
    expect(auth.status()).toBe('unknown');
    const loaded = auth.ensureLoaded();
    http.expectOne('/api/config').flush(NO_SIGN_IN_CONFIG);
    expect(await loaded).toBeNull();
    http.expectNone('/api/citizen/me');
    expect(auth.status()).toBe('anonymous');
    expect(auth.available()).toBe(false);
    expect(auth.citizen()).toBeNull();
    expect(auth.loginUrl('/prenota/CIE')).toBeNull();
    // Remembered: no second round of requests.
    expect(await auth.ensureLoaded()).toBeNull();
  });

  it('sign-in offered but no CITIZEN-XSRF-TOKEN cookie: anonymous without asking /api/citizen/me', async () => {
    const loaded = auth.ensureLoaded();
    http.expectOne('/api/config').flush(SIGN_IN_CONFIG);
    expect(await loaded).toBeNull();
    http.expectNone('/api/citizen/me');
    expect(auth.status()).toBe('anonymous');
    expect(auth.available()).toBe(true);
    expect(auth.providerName()).toBe('SPID / CIE');
  });

  it('with the cookie: asks /api/citizen/me once and remembers the citizen', async () => {
    const second = auth.ensureLoaded();
    await signIn();
    expect(await second).toEqual(CITIZEN);
    expect(auth.status()).toBe('signedIn');
    expect(auth.citizen()).toEqual(CITIZEN);
    expect(await auth.ensureLoaded()).toEqual(CITIZEN);
  });

  it('/api/citizen/me answering 401 (the session ended): anonymous', async () => {
    setCookie('stale-token');
    const loaded = auth.ensureLoaded();
    http.expectOne('/api/config').flush(SIGN_IN_CONFIG);
    await Promise.resolve();
    http.expectOne('/api/citizen/me').flush({ statusCode: 401, code: 'UNAUTHORIZED', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    expect(await loaded).toBeNull();
    expect(auth.status()).toBe('anonymous');
    expect(auth.citizen()).toBeNull();
    expect(await auth.ensureLoaded()).toBeNull();
  });

  it('an unreachable api counts as no sign-in, and is asked again next time', async () => {
    const loaded = auth.ensureLoaded();
    http.expectOne('/api/config').error(new ProgressEvent('error'), { status: 0 });
    expect(await loaded).toBeNull();
    expect(auth.status()).toBe('unknown');
    expect(auth.available()).toBe(false);
    void auth.ensureLoaded();
    http.expectOne('/api/config').flush(NO_SIGN_IN_CONFIG);
  });

  it('loginUrl comes back to a path of this site, anything else to /', async () => {
    const loaded = auth.ensureLoaded();
    http.expectOne('/api/config').flush(SIGN_IN_CONFIG);
    await loaded;
    expect(auth.loginUrl('/prenota/CIE')).toBe('/api/citizen/login?returnTo=%2Fprenota%2FCIE');
    expect(auth.loginUrl('/le-mie-prenotazioni?x=1&y=2')).toBe('/api/citizen/login?returnTo=%2Fle-mie-prenotazioni%3Fx%3D1%26y%3D2');
    expect(auth.loginUrl('https://evil.example/')).toBe('/api/citizen/login?returnTo=%2F');
    expect(auth.loginUrl('prenota/CIE')).toBe('/api/citizen/login?returnTo=%2F');
  });

  it('logout: POST /api/citizen/logout, the provider’s logout page from X-End-Session-Url', async () => {
    await signIn();
    const logout = auth.logout();
    const request = http.expectOne('/api/citizen/logout');
    expect(request.request.method).toBe('POST');
    request.flush('', { status: 204, statusText: 'No Content', headers: { 'X-End-Session-Url': 'https://idp.example.org/logout?x=1' } });
    expect(await logout).toBe('https://idp.example.org/logout?x=1');
    expect(auth.status()).toBe('anonymous');
    expect(auth.citizen()).toBeNull();
  });

  it('logout without a provider logout page resolves null', async () => {
    await signIn();
    const logout = auth.logout();
    http.expectOne('/api/citizen/logout').flush('', { status: 204, statusText: 'No Content' });
    expect(await logout).toBeNull();
    expect(auth.status()).toBe('anonymous');
  });

  it('is signed out locally even when the logout request fails', async () => {
    await signIn();
    const logout = auth.logout();
    http.expectOne('/api/citizen/logout').error(new ProgressEvent('error'), { status: 0 });
    expect(await logout).toBeNull();
    expect(auth.status()).toBe('anonymous');
    expect(auth.citizen()).toBeNull();
  });

  it('signedOut() forgets the citizen', async () => {
    await signIn();
    auth.signedOut();
    expect(auth.citizen()).toBeNull();
    expect(auth.status()).toBe('anonymous');
  });
});

describe('readCookie', () => {
  it('reads one cookie by its exact name, decoded', () => {
    const doc = { cookie: 'XSRF-TOKEN=staff; CITIZEN-XSRF-TOKEN=a%3Db=c; other=1' } as Document;
    expect(readCookie(doc, 'CITIZEN-XSRF-TOKEN')).toBe('a=b=c');
    expect(readCookie(doc, 'XSRF-TOKEN')).toBe('staff');
    expect(readCookie(doc, 'TOKEN')).toBeNull();
  });
});
