import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AdminApi } from './admin-api';
import { ADMIN_CIE, ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { fromWeek, Hours, toWeek } from './hours';

const HOURS = {
  office: [
    { weekday: 1, start: '14:30', end: '17:30' },
    { weekday: 1, start: '08:30', end: '12:30' },
    { weekday: 3, start: '09:00', end: '11:00' },
  ],
  services: { 'svc-cie': [{ weekday: 2, start: '09:00', end: '10:00' }] },
};

describe('Hours (/staff/admin/offices/:officeId/hours)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Hours>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], services: [ADMIN_CIE], openingHours: HOURS });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(Hours);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  it('shows each weekday as a group with its intervals in order, closed days said', () => {
    expect(text('[data-testid="hours-day-1"] legend')).toBe('lunedì');
    expect($<HTMLInputElement>('[data-testid="hours-1-0-start"]').value).toBe('08:30');
    expect($<HTMLInputElement>('[data-testid="hours-1-1-start"]').value).toBe('14:30');
    expect($('label[for="hours-day1-1-start"]')).not.toBeNull();
    expect(text('[data-testid="hours-day-7"]')).toContain('Chiuso');
  });

  it('adds an interval and saves the week; the api’s error on intervals[i] is shown on that interval', async () => {
    $<HTMLButtonElement>('[data-testid="hours-add-5"]').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('hours-day5-0-start');
    api['saveOpeningHours'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'intervals[3].start', message: 'Si sovrappone a un altro intervallo dello stesso giorno.' }],
      }),
    );
    $('[data-testid="hours-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['saveOpeningHours']).toHaveBeenCalledWith(OFFICE_ID, {
      serviceId: null,
      intervals: [
        { weekday: 1, start: '08:30', end: '12:30' },
        { weekday: 1, start: '14:30', end: '17:30' },
        { weekday: 3, start: '09:00', end: '11:00' },
        { weekday: 5, start: '08:30', end: '12:30' },
      ],
      confirm: false,
    });
    expect($('#hours-day5-0-start').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe($('[data-testid="error-summary"]'));
  });

  it('shorter hours: confirmation, then saved with confirm; the result says what happened', async () => {
    $<HTMLButtonElement>('[data-testid="hours-remove-1-1"]').click();
    await settle(fixture);
    api['saveOpeningHours']
      .mockRejectedValueOnce(
        apiError(409, {
          code: 'CONFIRMATION_REQUIRED',
          affected: [{ kind: 'APPOINTMENT', id: 'a', code: 'CIE-7K3P9Q', start: '2027-03-29T13:00:00Z', serviceId: 'svc-cie', serviceName: 'CIE' }],
        }),
      )
      .mockResolvedValueOnce({ office: [{ weekday: 1, start: '08:30', end: '12:30' }], services: {}, cancelled: ['CIE-7K3P9Q'], waitlistNotified: 0 });
    $('[data-testid="hours-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(text('[data-testid="affected-list"]')).toContain('CIE-7K3P9Q – lunedì 29 marzo 2027, 15:00');
    $<HTMLButtonElement>('[data-testid="confirm-yes"]').click();
    await settle(fixture);
    expect(api['saveOpeningHours'].mock.calls[1][1].confirm).toBe(true);
    expect(text('[data-testid="form-success"]')).toBe('Orari salvati. 1 prenotazione annullata (CIE-7K3P9Q): il cittadino riceverà un’e-mail.');
  });

  it('longer hours tell the waiting list: the result counts the people told, in the singular for one', async () => {
    api['saveOpeningHours'].mockResolvedValueOnce({ office: HOURS.office, services: {}, cancelled: [], waitlistNotified: 1 });
    $('[data-testid="hours-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(text('[data-testid="form-success"]')).toContain('1 persona in lista d’attesa è stata avvisata dei nuovi posti.');
    api['saveOpeningHours'].mockResolvedValueOnce({ office: HOURS.office, services: {}, cancelled: [], waitlistNotified: 3 });
    $('[data-testid="hours-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(text('[data-testid="form-success"]')).toContain('3 persone in lista d’attesa sono state avvisate dei nuovi posti.');
  });

  it('a service’s own week, or none (it follows the office)', async () => {
    const scope = $<HTMLSelectElement>('[data-testid="hours-scope"]');
    scope.value = 'svc-cie';
    scope.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect($<HTMLInputElement>('[data-testid="hours-2-0-start"]').value).toBe('09:00');
    expect($('[data-testid="hours-follows-office"]')).toBeNull();
  });

  it('turns the week into intervals and back', () => {
    const week = toWeek(HOURS.office);
    expect(week[1]).toEqual([
      { start: '08:30', end: '12:30' },
      { start: '14:30', end: '17:30' },
    ]);
    expect(fromWeek(week).places).toEqual([
      [1, 0],
      [1, 1],
      [3, 0],
    ]);
  });
});
