import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApiErrorBody, AvailabilityDto, OfficeDto } from '@sportello/contracts';
import { AVAILABILITY, CIE, CREATED, HOLD, MANAGED, OFFICE, TOKEN } from '../../testing/fixtures';
import { I18n } from '../i18n/i18n';
import { acceptLanguageInterceptor } from './accept-language-interceptor';
import { ApiClient, manageBase } from './api-client';
import { ApiFailure, failureMessage, isNetworkFailure, toApiFailure } from './api-error';

/** Resolves with the failure the request ends in. */
async function failureOf(request: Promise<unknown>): Promise<ApiFailure> {
  try {
    await request;
  } catch (error: unknown) {
    return toApiFailure(error);
  }
  throw new Error('the request was expected to fail');
}

describe('ApiClient', () => {
  let api: ApiClient;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([acceptLanguageInterceptor])), provideHttpClientTesting()],
    });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('GETs /api/offices', async () => {
    const result = api.offices();
    const request = http.expectOne('/api/offices');
    expect(request.request.method).toBe('GET');
    request.flush([OFFICE]);
    const offices: OfficeDto[] = await result;
    expect(offices[0].name).toBe('URP Calderara di Reno');
  });

  it('GETs /api/services with the office id', async () => {
    const result = api.services('office 1');
    const request = http.expectOne((r) => r.url === '/api/services');
    expect(request.request.params.get('officeId')).toBe('office 1');
    expect(request.request.urlWithParams).toBe('/api/services?officeId=office%201');
    request.flush([CIE]);
    expect((await result).map((s) => s.code)).toEqual(['CIE']);
  });

  it('GETs /api/availability with office, service and date range', async () => {
    const result = api.availability({ officeId: 'o1', serviceId: 's1', from: '2027-03-20', to: '2027-06-20' });
    const request = http.expectOne((r) => r.url === '/api/availability');
    const params = request.request.params;
    expect([params.get('officeId'), params.get('serviceId'), params.get('from'), params.get('to')]).toEqual(['o1', 's1', '2027-03-20', '2027-06-20']);
    request.flush(AVAILABILITY);
    const availability: AvailabilityDto = await result;
    expect(availability.days).toHaveLength(3);
  });

  it('sends Accept-Language in the current language', () => {
    void api.offices().catch(() => undefined);
    expect(http.expectOne('/api/offices').request.headers.get('Accept-Language')).toBe('it');

    TestBed.inject(I18n).setLanguage('en');
    void api.offices().catch(() => undefined);
    expect(http.expectOne('/api/offices').request.headers.get('Accept-Language')).toBe('en');
  });

  it('does not add Accept-Language to requests outside /api', () => {
    TestBed.inject(HttpClient).get('/assets/x.json').subscribe();
    expect(http.expectOne('/assets/x.json').request.headers.has('Accept-Language')).toBe(false);
  });

  it('turns an ApiErrorBody into a failure with its localized message and field errors', async () => {
    const body: ApiErrorBody = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Dati non validi',
      errors: [{ field: 'from', message: 'Data non valida' }],
    };
    const result = failureOf(api.offices());
    http.expectOne('/api/offices').flush(body, { status: 400, statusText: 'Bad Request' });
    const failure = await result;
    expect(failure).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Dati non validi',
      fieldErrors: [{ field: 'from', message: 'Data non valida' }],
      alternatives: [],
    });
    expect(failureMessage(failure, (key) => key)).toBe('Dati non validi');
  });

  it('reports an unreachable server with the network message', async () => {
    const result = failureOf(api.offices());
    http.expectOne('/api/offices').error(new ProgressEvent('error'), { status: 0 });
    const failure = await result;
    expect(failure.status).toBe(0);
    expect(failure.code).toBeNull();
    expect(failureMessage(failure, (key) => key)).toBe('error.network');
  });

  it('falls back to the generic message for a non-api error body', () => {
    const failure = toApiFailure(new HttpErrorResponse({ status: 500, error: '<html>Internal Server Error</html>' }));
    expect(failure.message).toBeNull();
    expect(failureMessage(failure, (key) => key)).toBe('error.generic');
  });
  it('POSTs /api/holds', async () => {
    const result = api.hold({ officeId: 'o1', serviceId: 's1', start: '2027-03-29T08:30:00+02:00' });
    const request = http.expectOne('/api/holds');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ officeId: 'o1', serviceId: 's1', start: '2027-03-29T08:30:00+02:00' });
    request.flush(HOLD, { status: 201, statusText: 'Created' });
    expect(await result).toEqual(HOLD);
  });

  it('POSTs /api/appointments with the Idempotency-Key header', async () => {
    const body = {
      holdId: HOLD.holdId,
      officeId: 'o1',
      serviceId: 's1',
      start: '2027-03-29T08:30:00+02:00',
      citizen: { firstName: 'Maria', lastName: 'Rossi', fiscalCode: 'RSSMRA85T10A562S', email: 'm@example.org' },
      language: 'it' as const,
      privacyAccepted: true as const,
    };
    const result = api.book(body, 'key-123');
    const request = http.expectOne('/api/appointments');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toBe('key-123');
    expect(request.request.body).toEqual(body);
    request.flush(CREATED, { status: 201, statusText: 'Created' });
    expect((await result).code).toBe('CIE-7K3P9Q');
  });

  it('reads, cancels and moves a booking by its token', async () => {
    const base = `/api/appointments/manage/${TOKEN}`;
    const read = api.managed({ token: TOKEN });
    http.expectOne(base).flush(MANAGED);
    expect((await read).code).toBe('CIE-7K3P9Q');

    const cancel = api.cancel({ token: TOKEN });
    const cancelRequest = http.expectOne(`${base}/cancel`);
    expect(cancelRequest.request.method).toBe('POST');
    cancelRequest.flush({ ...MANAGED, status: 'CANCELLED' });
    expect((await cancel).status).toBe('CANCELLED');

    const move = api.reschedule({ token: TOKEN }, '2027-03-31T14:30:00+02:00');
    const moveRequest = http.expectOne(`${base}/reschedule`);
    expect(moveRequest.request.body).toEqual({ start: '2027-03-31T14:30:00+02:00' });
    moveRequest.flush(MANAGED);
    await move;

    expect(manageBase({ token: 'a/b' })).toBe('/api/appointments/manage/a%2Fb');
  });

  it("serves a signed-in citizen's own booking by its code under /api/citizen/appointments", async () => {
    expect(manageBase({ code: 'CIE-7K3P9Q' })).toBe('/api/citizen/appointments/CIE-7K3P9Q');
    const read = api.managed({ code: 'CIE-7K3P9Q' });
    http.expectOne('/api/citizen/appointments/CIE-7K3P9Q').flush(MANAGED);
    expect((await read).code).toBe('CIE-7K3P9Q');

    const confirm = api.confirmAttendance({ code: 'CIE-7K3P9Q' });
    const request = http.expectOne('/api/citizen/appointments/CIE-7K3P9Q/confirm');
    expect(request.request.method).toBe('POST');
    request.flush(MANAGED);
    await confirm;

    const list = api.citizenAppointments();
    http.expectOne('/api/citizen/appointments').flush([]);
    expect(await list).toEqual([]);
  });

  it("signs the citizen out and hands over the provider's logout page", async () => {
    const out = api.citizenLogout();
    const request = http.expectOne('/api/citizen/logout');
    expect(request.request.method).toBe('POST');
    request.flush('', { status: 204, statusText: 'No Content', headers: { 'X-End-Session-Url': 'http://127.0.0.1:9/session/end?x=1' } });
    expect(await out).toBe('http://127.0.0.1:9/session/end?x=1');
  });

  it('asks for the recovery of a lost booking', async () => {
    const sent = api.recover({ fiscalCode: 'RSSMRA85T10A562S', email: 'maria@example.org' });
    const request = http.expectOne('/api/appointments/recover');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ fiscalCode: 'RSSMRA85T10A562S', email: 'maria@example.org' });
    request.flush({ message: 'ok' }, { status: 202, statusText: 'Accepted' });
    expect((await sent).message).toBe('ok');
  });

  it('confirms attendance by POST (never GET: mail scanners prefetch links)', async () => {
    const confirm = api.confirmAttendance({ token: TOKEN });
    const request = http.expectOne(`/api/appointments/manage/${TOKEN}/confirm`);
    expect(request.request.method).toBe('POST');
    request.flush({ ...MANAGED, attendance: { status: 'CONFIRMED', confirmBy: null, confirmedAt: '2027-03-28T07:00:00.000Z' } });
    expect((await confirm).attendance.status).toBe('CONFIRMED');
  });

  it('joins and leaves the waiting list', async () => {
    const body = { officeId: 'o1', serviceId: 's1', email: 'maria@example.org', language: 'it' as const, privacyAccepted: true as const };
    const join = api.joinWaitlist(body);
    const joinRequest = http.expectOne('/api/waitlist');
    expect(joinRequest.request.method).toBe('POST');
    expect(joinRequest.request.body).toEqual(body);
    joinRequest.flush({ officeId: 'o1', serviceId: 's1', expiresAt: '2027-05-19T09:00:00.000Z' });
    expect((await join).expiresAt).toBe('2027-05-19T09:00:00.000Z');

    const leave = api.leaveWaitlist('a/b');
    const leaveRequest = http.expectOne('/api/waitlist/a%2Fb/unsubscribe');
    expect(leaveRequest.request.method).toBe('POST');
    leaveRequest.flush({ status: 'UNSUBSCRIBED' });
    expect((await leave).status).toBe('UNSUBSCRIBED');
  });

  it('keeps the alternatives of a 409 SLOT_UNAVAILABLE', async () => {
    const result = failureOf(api.hold({ officeId: 'o1', serviceId: 's1', start: '2027-03-29T08:30:00+02:00' }));
    http.expectOne('/api/holds').flush(
      {
        statusCode: 409,
        code: 'SLOT_UNAVAILABLE',
        message: 'L’orario scelto non è più disponibile.',
        alternatives: [{ start: '2027-03-29T09:00:00+02:00', end: '2027-03-29T09:30:00+02:00' }, { start: 3 }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    const failure = await result;
    expect(failure.code).toBe('SLOT_UNAVAILABLE');
    expect(failure.alternatives).toEqual([{ start: '2027-03-29T09:00:00+02:00', end: '2027-03-29T09:30:00+02:00' }]);
    expect(isNetworkFailure(failure)).toBe(false);
  });

  it('tells network failures (safe to repeat) from answers', () => {
    expect(isNetworkFailure(toApiFailure(new HttpErrorResponse({ status: 0 })))).toBe(true);
    expect(isNetworkFailure(toApiFailure(new HttpErrorResponse({ status: 504, error: 'Gateway Timeout' })))).toBe(true);
    expect(isNetworkFailure(toApiFailure(new HttpErrorResponse({ status: 500, error: 'boom' })))).toBe(false);
    expect(isNetworkFailure(toApiFailure(new HttpErrorResponse({ status: 503, error: { statusCode: 503, code: 'INTERNAL_ERROR', message: 'x' } })))).toBe(
      false,
    );
  });
});
