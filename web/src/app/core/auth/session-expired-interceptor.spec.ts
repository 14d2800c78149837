import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { sessionExpiredInterceptor } from './session-expired-interceptor';
import { StaffAuth } from './staff-auth';

describe('sessionExpiredInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let router: Router;
  const signedOut = jest.fn();
  const unauthorized = { statusCode: 401, code: 'UNAUTHORIZED', message: 'x' };

  beforeEach(() => {
    signedOut.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionExpiredInterceptor])),
        provideHttpClientTesting(),
        { provide: StaffAuth, useValue: { signedOut } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  async function failWith401(url: string): Promise<void> {
    const result = firstValueFrom(client.get(url)).catch(() => undefined);
    http.expectOne(url).flush(unauthorized, { status: 401, statusText: 'Unauthorized' });
    await result;
  }

  it('forgets the account and goes to the login page from a staff page', async () => {
    jest.spyOn(router, 'url', 'get').mockReturnValue('/staff/agenda');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    await failWith401('/api/notifications');
    expect(signedOut).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/staff/login'], { queryParams: { returnUrl: '/staff/agenda' } });
  });

  it('leaves public pages and the auth endpoints alone', async () => {
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/prenota/CIE');
    await failWith401('/api/notifications');
    expect(navigate).not.toHaveBeenCalled();
    signedOut.mockClear();
    await failWith401('/api/auth/me');
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('a 401 of the citizen’s own session (/api/citizen/…) neither signs the staff out nor navigates', async () => {
    jest.spyOn(router, 'url', 'get').mockReturnValue('/staff/agenda');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    await failWith401('/api/citizen/appointments');
    await failWith401('/api/citizen/me');
    expect(signedOut).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
    // The same page and answer from a staff endpoint still does both.
    await failWith401('/api/frontdesk/queue');
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledTimes(1);
  });
});
