import { HttpClient, provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { XSRF_COOKIE, XSRF_HEADER } from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';
import { citizenXsrfInterceptor } from './citizen-xsrf-interceptor';

const EXPIRED = 'expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';

describe('citizenXsrfInterceptor (with the XSRF configuration of app.config)', () => {
  let client: HttpClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([citizenXsrfInterceptor]), withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER })),
        provideHttpClientTesting(),
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    document.cookie = 'XSRF-TOKEN=staff; path=/';
  });

  afterEach(() => {
    document.cookie = `XSRF-TOKEN=; ${EXPIRED}`;
    document.cookie = `CITIZEN-XSRF-TOKEN=; ${EXPIRED}`;
    http.verify();
  });

  /** The X-XSRF-TOKEN header a request to `url` leaves with. */
  function tokenOf(url: string, method: 'POST' | 'GET' | 'DELETE' = 'POST'): string | null {
    void firstValueFrom(client.request(method, url, method === 'GET' ? {} : { body: {} })).catch(() => undefined);
    const request = http.expectOne(url);
    const token = request.request.headers.get(XSRF_HEADER);
    request.flush({});
    return token;
  }

  it('signed in: the citizen’s writes carry the citizen’s token instead of the staff’s', () => {
    document.cookie = 'CITIZEN-XSRF-TOKEN=citizen; path=/';
    const citizenWrites = ['/api/holds', '/api/appointments', '/api/appointments/recover', '/api/waitlist', '/api/citizen/logout'];
    expect(citizenWrites.map((url) => [url, tokenOf(url)])).toEqual(citizenWrites.map((url) => [url, 'citizen']));
    expect(tokenOf('/api/citizen/appointments/CIE-7K3P9Q/cancel')).toBe('citizen');
    expect(tokenOf('/api/holds/11111111-2222-4333-8444-555555555555', 'DELETE')).toBe('citizen');
  });

  it('every other write keeps the staff session’s token', () => {
    document.cookie = 'CITIZEN-XSRF-TOKEN=citizen; path=/';
    const staffWrites = ['/api/auth/logout', '/api/frontdesk/appointments/a1/check-in', '/api/appointments/manage/x/cancel', '/api/waitlist/t/unsubscribe'];
    expect(staffWrites.map((url) => [url, tokenOf(url)])).toEqual(staffWrites.map((url) => [url, 'staff']));
  });

  it('reads get no citizen token', () => {
    document.cookie = 'CITIZEN-XSRF-TOKEN=citizen; path=/';
    expect(tokenOf('/api/citizen/me', 'GET')).toBeNull();
    expect(tokenOf('/api/citizen/appointments', 'GET')).toBeNull();
  });

  it('without the citizen cookie the citizen’s writes are left as they are (the staff token)', () => {
    expect(tokenOf('/api/holds')).toBe('staff');
    document.cookie = `XSRF-TOKEN=; ${EXPIRED}`;
    expect(tokenOf('/api/holds')).toBeNull();
  });
});
