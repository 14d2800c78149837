import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { CLOCK } from '../../core/clock';
import { I18n } from '../../core/i18n/i18n';
import { AVAILABILITY, CIE, CREATED, HOLD, NOW, OFFICE, TOKEN } from '../../testing/fixtures';
import { BookingStore } from './booking-store';
import { ConfirmationStep } from './confirmation-step';

describe('ConfirmationStep', () => {
  let el: HTMLElement;
  let print: jest.Mock;

  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        BookingStore,
        { provide: CLOCK, useValue: () => NOW },
        {
          provide: ApiClient,
          useValue: {
            offices: () => Promise.resolve([OFFICE]),
            services: () => Promise.resolve([CIE]),
            availability: () => Promise.resolve(AVAILABILITY),
            hold: () => Promise.resolve(HOLD),
            book: () => Promise.resolve(CREATED),
          },
        },
      ],
    });
    const store = TestBed.inject(BookingStore);
    await store.whenReady('CIE');
    await store.holdSlot({ start: CREATED.start, end: CREATED.end });
    store.updateApplicant({
      firstName: 'Maria',
      lastName: 'Rossi',
      fiscalCode: 'RSSMRA85T10A562S',
      email: 'maria@example.org',
      privacyAccepted: true,
    });
    await store.submit();
    const fixture = TestBed.createComponent(ConfirmationStep);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
    print = jest.fn();
    jest.spyOn(window, 'print').mockImplementation(print);
  }

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the booking code large and as a QR code', async () => {
    await render();
    expect(text('h1')).toBe('Prenotazione confermata');
    expect(text('[data-testid="booking-code"]')).toBe('CIE-7K3P9Q');
    const qr = el.querySelector('svg[data-testid="qr"]');
    expect(qr?.getAttribute('role')).toBe('img');
    expect(qr?.getAttribute('aria-label')).toBe('Codice QR della prenotazione CIE-7K3P9Q');
    // Version 1 (21 modules) plus a 4-module quiet zone on each side.
    expect(qr?.getAttribute('viewBox')).toBe('0 0 29 29');
    expect(qr?.querySelector('path')?.getAttribute('d')).toMatch(/^M4 4h1v1h-1z/);
  });

  it('gives date and time in Rome with the zone, the address, and what to bring', async () => {
    await render();
    expect(text('[data-testid="confirm-date"]')).toBe('lunedì 29 marzo 2027');
    expect(text('[data-testid="confirm-time"]')).toBe('08:30–09:00 Ora italiana');
    expect(text('[data-testid="confirm-address"]')).toBe('URP Calderara di Reno, Piazza Marconi 7, 40012 Calderara di Reno (BO)');
    expect([...el.querySelectorAll('[data-testid="confirm-documents"] li')].map((li) => li.textContent?.trim())).toEqual(CIE.documents);
    expect(text('[data-testid="confirmed"]')).toContain('maria@example.org');
  });

  it('links the .ics file of the api and a Google Calendar event in UTC', async () => {
    await render();
    const ics = el.querySelector('[data-testid="ics-link"]');
    expect(ics?.getAttribute('href')).toBe(`/api/appointments/manage/${TOKEN}/calendar.ics`);
    expect(ics?.hasAttribute('download')).toBe(true);

    const google = el.querySelector('[data-testid="google-link"]');
    const href = google?.getAttribute('href') ?? '';
    expect(href.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE&')).toBe(true);
    // 08:30–09:00 in Rome on 29 March 2027 (CEST, +02:00) is 06:30–07:00 UTC.
    expect(href).toContain('&dates=20270329T063000Z/20270329T070000Z&');
    const params = new URL(href).searchParams;
    expect(params.get('text')).toBe('Carta d’identità elettronica – URP Calderara di Reno');
    expect(params.get('location')).toBe('URP Calderara di Reno, Piazza Marconi 7, 40012 Calderara di Reno (BO)');
    expect(params.get('details')).toBe(
      [
        'Codice prenotazione: CIE-7K3P9Q',
        '- Fototessera recente',
        '- Documento scaduto o denuncia di smarrimento',
        `Gestisci la prenotazione: https://sportello.example.org/gestisci/${TOKEN}`,
      ].join('\n'),
    );
    expect(google?.getAttribute('target')).toBe('_blank');
    expect(google?.getAttribute('rel')).toContain('noopener');
    expect(text('[data-testid="google-link"]')).toContain('(si apre in una nuova finestra)');
  });

  it('links the manage page in the app and prints', async () => {
    await render();
    expect(el.querySelector('[data-testid="manage-link"]')?.getAttribute('href')).toBe(`/gestisci/${TOKEN}`);
    (el.querySelector('[data-testid="print"]') as HTMLButtonElement).click();
    expect(print).toHaveBeenCalledTimes(1);
    // What is not worth printing is marked for the print style sheet.
    expect(el.querySelector('[data-testid="print"]')?.closest('.sp-no-print')).not.toBeNull();
  });

  it('speaks English too', async () => {
    await render();
    TestBed.inject(I18n).setLanguage('en');
    const fixture = TestBed.createComponent(ConfirmationStep);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
    expect(text('h1')).toBe('Booking confirmed');
    expect(text('[data-testid="confirm-time"]')).toBe('08:30–09:00 Italian time');
    expect(el.querySelector('svg[data-testid="qr"]')?.getAttribute('aria-label')).toBe('QR code of booking CIE-7K3P9Q');
  });
});
