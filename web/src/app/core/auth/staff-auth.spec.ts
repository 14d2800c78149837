import { HttpClient, provideHttpClient, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { StaffUserDto } from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';
import { StaffAuth } from './staff-auth';

const OPERATOR: StaffUserDto = {
  id: 'u1',
  username: 'operatore',
  displayName: 'Operatore di sportello',
  role: 'operator',
  offices: [{ id: 'office-1', name: 'URP Calderara di Reno' }],
};

describe('StaffAuth', () => {
  let auth: StaffAuth;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(StaffAuth);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks GET /api/auth/me once and remembers the staff member', async () => {
    expect(auth.status()).toBe('unknown');
    const first = auth.ensureLoaded();
    const second = auth.ensureLoaded();
    http.expectOne('/api/auth/me').flush({ user: OPERATOR });
    expect(await first).toEqual(OPERATOR);
    expect(await second).toEqual(OPERATOR);
    expect(await auth.ensureLoaded()).toEqual(OPERATOR);
    expect(auth.user()?.username).toBe('operatore');
    expect(auth.status()).toBe('authenticated');
    expect(auth.hasRole('operator')).toBe(true);
    expect(auth.hasRole('manager')).toBe(false);
  });

  it('a 401 means nobody is logged in', async () => {
    const result = auth.ensureLoaded();
    http.expectOne('/api/auth/me').flush({ statusCode: 401, code: 'UNAUTHORIZED', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    expect(await result).toBeNull();
    expect(auth.status()).toBe('anonymous');
    expect(await auth.ensureLoaded()).toBeNull();
  });

  it('an unreachable api counts as nobody, and is asked again next time', async () => {
    const result = auth.ensureLoaded();
    http.expectOne('/api/auth/me').error(new ProgressEvent('error'), { status: 0 });
    expect(await result).toBeNull();
    expect(auth.status()).toBe('unknown');
    void auth.ensureLoaded();
    http.expectOne('/api/auth/me').flush({ user: OPERATOR });
  });

  it('logs in with POST /api/auth/login and out with POST /api/auth/logout', async () => {
    const login = auth.login({ username: 'operatore', password: 'sportello-demo' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'operatore', password: 'sportello-demo' });
    request.flush({ user: OPERATOR });
    expect(await login).toEqual(OPERATOR);
    expect(auth.user()).toEqual(OPERATOR);

    const logout = auth.logout();
    const out = http.expectOne('/api/auth/logout');
    expect(out.request.method).toBe('POST');
    out.flush(null, { status: 204, statusText: 'No Content' });
    await logout;
    expect(auth.user()).toBeNull();
    expect(auth.status()).toBe('anonymous');
  });

  it('is logged out locally even when the logout request fails', async () => {
    const login = auth.login({ username: 'operatore', password: 'x' });
    http.expectOne('/api/auth/login').flush({ user: OPERATOR });
    await login;
    const logout = auth.logout();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'), { status: 0 });
    await expect(logout).rejects.toBeTruthy();
    expect(auth.user()).toBeNull();
  });
});

describe('XSRF configuration (as in app.config)', () => {
  it('copies the XSRF-TOKEN cookie into X-XSRF-TOKEN on unsafe requests only', () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' })), provideHttpClientTesting()],
    });
    document.cookie = 'XSRF-TOKEN=abc123; path=/';
    const client = TestBed.inject(HttpClient);
    const http = TestBed.inject(HttpTestingController);
    void firstValueFrom(client.post('/api/auth/logout', {}));
    expect(http.expectOne('/api/auth/logout').request.headers.get('X-XSRF-TOKEN')).toBe('abc123');
    void firstValueFrom(client.get('/api/auth/me'));
    expect(http.expectOne('/api/auth/me').request.headers.has('X-XSRF-TOKEN')).toBe(false);
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });
});
