import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ApiErrorBody, AvailabilityDto, OfficeDto } from '@sportello/contracts';
import { firstValueFrom, Observable } from 'rxjs';
import { AVAILABILITY, CIE, OFFICE } from '../../testing/fixtures';
import { I18n } from '../i18n/i18n';
import { acceptLanguageInterceptor } from './accept-language-interceptor';
import { ApiClient } from './api-client';
import { ApiFailure, failureMessage, toApiFailure } from './api-error';

/** Subscribes now; resolves with the failure the request ends in. */
async function failureOf(source: Observable<unknown>): Promise<ApiFailure> {
  try {
    await firstValueFrom(source);
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
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('GETs /api/offices', async () => {
    const result = firstValueFrom(api.offices());
    const request = http.expectOne('/api/offices');
    expect(request.request.method).toBe('GET');
    request.flush([OFFICE]);
    const offices: OfficeDto[] = await result;
    expect(offices[0].name).toBe('URP Calderara di Reno');
  });

  it('GETs /api/services with the office id', async () => {
    const result = firstValueFrom(api.services('office 1'));
    const request = http.expectOne((r) => r.url === '/api/services');
    expect(request.request.params.get('officeId')).toBe('office 1');
    expect(request.request.urlWithParams).toBe('/api/services?officeId=office%201');
    request.flush([CIE]);
    expect((await result).map((s) => s.code)).toEqual(['CIE']);
  });

  it('GETs /api/availability with office, service and date range', async () => {
    const result = firstValueFrom(
      api.availability({ officeId: 'o1', serviceId: 's1', from: '2027-03-20', to: '2027-06-20' }),
    );
    const request = http.expectOne((r) => r.url === '/api/availability');
    const params = request.request.params;
    expect([params.get('officeId'), params.get('serviceId'), params.get('from'), params.get('to')]).toEqual([
      'o1',
      's1',
      '2027-03-20',
      '2027-06-20',
    ]);
    request.flush(AVAILABILITY);
    const availability: AvailabilityDto = await result;
    expect(availability.days).toHaveLength(3);
  });

  it('sends Accept-Language in the current language', () => {
    api.offices().subscribe();
    expect(http.expectOne('/api/offices').request.headers.get('Accept-Language')).toBe('it');

    TestBed.inject(I18n).setLanguage('en');
    api.offices().subscribe();
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
    const failure = toApiFailure(
      new HttpErrorResponse({ status: 500, error: '<html>Internal Server Error</html>' }),
    );
    expect(failure.message).toBeNull();
    expect(failureMessage(failure, (key) => key)).toBe('error.generic');
  });
});
