import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CitizenAppointmentDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { CLOCK } from '../../core/clock';
import { CITIZEN, MANAGED, MINE, NOW, SIGN_IN_CONFIG } from '../../testing/fixtures';
import { MyAppointments } from './my-appointments';

const COOKIE_GONE = 'CITIZEN-XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';

/** Future, the office asks to confirm attendance by 2027-03-28 20:30 in Rome. */
const PENDING: CitizenAppointmentDto = { ...MINE, attendance: { status: 'PENDING', confirmBy: '2027-03-28T18:30:00.000Z', confirmedAt: null } };
/** Future, inside the cut-off: only its details. */
const CLOSED: CitizenAppointmentDto = {
  ...MINE,
  code: 'SPID-4H2M8R',
  start: '2027-03-22T09:00:00+01:00',
  end: '2027-03-22T09:20:00+01:00',
  serviceId: 'svc-spid',
  serviceCode: 'SPID',
  serviceName: { it: 'Riconoscimento SPID', en: 'SPID identity check' },
  canChange: false,
};
/** Cancelled, last month. */
const CANCELLED: CitizenAppointmentDto = {
  ...MINE,
  code: 'RES-9X8W7V',
  start: '2027-02-10T10:00:00+01:00',
  end: '2027-02-10T10:45:00+01:00',
  serviceId: 'svc-res',
  serviceCode: 'RESIDENZA',
  serviceName: { it: 'Cambio di residenza', en: 'Change of residence' },
  status: 'CANCELLED',
  canChange: false,
};

function unauthorized(): HttpErrorResponse {
  return new HttpErrorResponse({ status: 401, error: { statusCode: 401, code: 'UNAUTHORIZED', message: 'x' } });
}

describe('MyAppointments (/le-mie-prenotazioni)', () => {
  let api: Record<'publicConfig' | 'citizen' | 'citizenAppointments' | 'confirmAttendance', jest.Mock>;
  let fixture: ComponentFixture<MyAppointments>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const $$ = (selector: string) => [...el.querySelectorAll(selector)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    document.cookie = 'CITIZEN-XSRF-TOKEN=citizen; path=/';
    api = {
      publicConfig: jest.fn(() => Promise.resolve(SIGN_IN_CONFIG)),
      citizen: jest.fn(() => Promise.resolve(CITIZEN)),
      citizenAppointments: jest.fn(() => Promise.resolve([PENDING, CLOSED, CANCELLED])),
      confirmAttendance: jest.fn(() => Promise.resolve({ ...MANAGED, attendance: { status: 'CONFIRMED', confirmBy: null, confirmedAt: NOW.toISOString() } })),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: ApiClient, useValue: api }, { provide: CLOCK, useValue: () => NOW }],
    });
  });

  afterEach(() => {
    document.cookie = COOKIE_GONE;
    el?.remove();
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(MyAppointments);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  }

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  const item = (code: string) => $(`[data-testid="mine-item"][data-code="${code}"]`);

  it('not signed in: asks to sign in first, with the buttons coming back here, and asks for no list', async () => {
    document.cookie = COOKIE_GONE;
    await render();
    expect(text($('h1'))).toBe('Le mie prenotazioni');
    expect(text($('[data-testid="mine-sign-in-first"]'))).toBe('Accedi con SPID o CIE per vedere le tue prenotazioni.');
    expect($$('[data-testid="sign-in-buttons"] a').map((a) => a.getAttribute('href'))).toEqual([
      '/api/citizen/login?returnTo=%2Fle-mie-prenotazioni',
      '/api/citizen/login?returnTo=%2Fle-mie-prenotazioni',
    ]);
    expect(api.citizenAppointments).not.toHaveBeenCalled();
    expect($('[data-testid="mine-upcoming"]')).toBeNull();
  });

  it('signed in: the coming bookings as cards, each with its QR code, .ics file and own page', async () => {
    await render();
    expect($('[data-testid="mine-sign-in-first"]')).toBeNull();
    const items = $$('[data-testid="mine-upcoming"] [data-testid="mine-item"]');
    expect(items.map((i) => i.getAttribute('data-code'))).toEqual(['CIE-7K3P9Q', 'SPID-4H2M8R']);
    for (const code of ['CIE-7K3P9Q', 'SPID-4H2M8R']) {
      const card = item(code);
      expect(card?.querySelector('svg[data-testid="mine-qr"]')?.getAttribute('aria-label')).toBe(`Codice QR della prenotazione ${code}`);
      expect(card?.querySelector('[data-testid="mine-ics"]')?.getAttribute('href')).toBe(`/api/citizen/appointments/${code}/calendar.ics`);
      expect(card?.querySelector('[data-testid="mine-open"]')?.getAttribute('href')).toBe(`/le-mie-prenotazioni/${code}`);
    }
    expect(text(item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-open"]'))).toBe('Sposta o annulla CIE-7K3P9Q');
    expect(text(item('SPID-4H2M8R')?.querySelector('[data-testid="mine-open"]'))).toBe('Dettagli SPID-4H2M8R');
    expect(text(item('CIE-7K3P9Q')?.querySelector('h3'))).toBe('Carta d’identità elettronica');
    expect(text(item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-when"]'))).toBe('lunedì 29 marzo 2027, 08:30–09:00');
    expect(text(item('SPID-4H2M8R')?.querySelector('[data-testid="mine-when"]'))).toBe('lunedì 22 marzo 2027, 09:00–09:20');
    expect($('[data-testid="mine-none"]')).toBeNull();
  });

  it('"Conferma presenza" only where the office asks for it; it confirms, reloads the list and says so', async () => {
    await render();
    expect($$('[data-testid="mine-confirm"]')).toHaveLength(1);
    expect(item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-confirm"]')).not.toBeNull();
    expect(item('SPID-4H2M8R')?.querySelector('[data-testid="mine-confirm"]')).toBeNull();
    expect(text(item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-attendance"]'))).toBe('Da confermare entro domenica 28 marzo 2027, 20:30');

    api.citizenAppointments.mockResolvedValue([
      { ...PENDING, attendance: { status: 'CONFIRMED', confirmBy: null, confirmedAt: NOW.toISOString() } },
      CLOSED,
      CANCELLED,
    ]);
    (item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-confirm"]') as HTMLButtonElement).click();
    await stable();
    expect(api.confirmAttendance).toHaveBeenCalledWith({ code: 'CIE-7K3P9Q' });
    expect(api.citizenAppointments).toHaveBeenCalledTimes(2);
    expect($('[data-testid="mine-notice"]')?.classList).toContain('alert-success');
    expect(text($('[data-testid="mine-notice"]'))).toBe('Grazie: la tua presenza è confermata.');
    expect($('[data-testid="mine-confirm"]')).toBeNull();
    expect(text(item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-attendance"]'))).toBe('Presenza confermata');
  });

  it('a confirmation the api refuses: the error, and the list as it was', async () => {
    api.confirmAttendance.mockRejectedValue(
      new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'CHANGE_CLOSED', message: 'Non è più possibile confermare online.' } }),
    );
    await render();
    (item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-confirm"]') as HTMLButtonElement).click();
    await stable();
    expect($('[data-testid="mine-notice"]')?.classList).toContain('alert-danger');
    expect(text($('[data-testid="mine-notice"]'))).toBe('Non è più possibile confermare online.');
    expect(api.citizenAppointments).toHaveBeenCalledTimes(1);
    expect($('[data-testid="mine-confirm"]')).not.toBeNull();
  });

  it('the past and cancelled ones in a table', async () => {
    await render();
    const rows = $$('table[data-testid="mine-past"] tbody tr');
    expect(rows).toHaveLength(1);
    expect([...rows[0].querySelectorAll('td')].map(text)).toEqual([
      'mercoledì 10 febbraio 2027, 10:00–10:45',
      'Cambio di residenza',
      'RES-9X8W7V',
      'Annullato',
    ]);
    expect(item('RES-9X8W7V')).toBeNull();
  });

  it('no bookings: says so, with a way to book', async () => {
    api.citizenAppointments.mockResolvedValue([]);
    await render();
    expect(text($('[data-testid="mine-none"]'))).toBe('Non hai prenotazioni in programma.');
    expect($('[data-testid="mine-item"]')).toBeNull();
    expect($('[data-testid="mine-past"]')).toBeNull();
  });

  it('only past ones: "none coming", and the table', async () => {
    api.citizenAppointments.mockResolvedValue([CANCELLED]);
    await render();
    expect($('[data-testid="mine-none"]')).not.toBeNull();
    expect($$('[data-testid="mine-past"] tbody tr')).toHaveLength(1);
  });

  it('a 401 on the list (the session ended): no error message, back to the sign-in buttons', async () => {
    api.citizenAppointments.mockRejectedValue(unauthorized());
    await render();
    expect($('[data-testid="error"]')).toBeNull();
    expect($('[data-testid="mine-item"]')).toBeNull();
    expect(TestBed.inject(CitizenAuth).status()).toBe('anonymous');
    expect($('[data-testid="mine-sign-in-first"]')).not.toBeNull();
  });

  it('the session ended before "Conferma presenza" (401): back to the sign-in buttons', async () => {
    api.confirmAttendance.mockRejectedValue(unauthorized());
    await render();
    (item('CIE-7K3P9Q')?.querySelector('[data-testid="mine-confirm"]') as HTMLButtonElement).click();
    await stable();
    expect(TestBed.inject(CitizenAuth).status()).toBe('anonymous');
    expect($('[data-testid="mine-sign-in-first"]')).not.toBeNull();
    expect($('[data-testid="mine-item"]')).toBeNull();
  });
});
