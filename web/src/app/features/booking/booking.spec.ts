import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ApiErrorBody } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { CLOCK } from '../../core/clock';
import { I18n } from '../../core/i18n/i18n';
import { NEW_ID } from '../../core/ids';
import { AVAILABILITY, CIE, CITIZEN, CREATED, HOLD, IO_CONFIG, NOW, OFFICE, SPID, SIGN_IN_CONFIG } from '../../testing/fixtures';
import { bookingRoutes } from './booking.routes';

@Component({ template: '<h1>Altra pagina</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class Elsewhere {}

function apiError(status: number, body: Partial<ApiErrorBody> & Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, ...body } });
}

describe('Booking wizard (/prenota/:serviceCode)', () => {
  let api: {
    offices: jest.Mock;
    services: jest.Mock;
    availability: jest.Mock;
    hold: jest.Mock;
    releaseHold: jest.Mock;
    releaseHoldOnExit: jest.Mock;
    book: jest.Mock;
    joinWaitlist: jest.Mock;
    publicConfig: jest.Mock;
    citizen: jest.Mock;
  };
  let harness: RouterTestingHarness;
  let el: HTMLElement;
  let ids: number;
  let harnessFor: RouterTestingHarness | undefined;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    ids = 0;
    harnessFor = undefined;
    api = {
      offices: jest.fn(() => Promise.resolve([OFFICE])),
      services: jest.fn(() => Promise.resolve([SPID, CIE])),
      availability: jest.fn(() => Promise.resolve(AVAILABILITY)),
      hold: jest.fn(() => Promise.resolve(HOLD)),
      releaseHold: jest.fn(() => Promise.resolve(undefined)),
      releaseHoldOnExit: jest.fn(),
      book: jest.fn(() => Promise.resolve(CREATED)),
      joinWaitlist: jest.fn(() => Promise.reject(apiError(409, { code: 'SLOTS_AVAILABLE', message: 'Ci sono ancora orari liberi per questo servizio.' }))),
      publicConfig: jest.fn(() => Promise.resolve(SIGN_IN_CONFIG)),
      citizen: jest.fn(() => Promise.resolve(CITIZEN)),
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'prenota/:serviceCode', children: bookingRoutes },
            { path: 'privacy', component: Elsewhere },
            { path: '', component: Elsewhere },
          ],
          withComponentInputBinding(),
        ),
        { provide: ApiClient, useValue: api },
        { provide: CLOCK, useValue: () => NOW },
        { provide: NEW_ID, useValue: () => `key-${++ids}` },
      ],
    });
  });

  afterEach(() => {
    el?.remove();
    document.cookie = 'CITIZEN-XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  async function open(url = '/prenota/CIE'): Promise<void> {
    harness = harnessFor ?? (await RouterTestingHarness.create());
    harnessFor = harness;
    await harness.navigateByUrl(url);
    el = harness.fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  }

  async function stable(): Promise<void> {
    // Actions await the api (resolved at once here) before navigating: let them finish.
    for (let i = 0; i < 3; i++) {
      await harness.fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function click(element: Element | null | undefined): Promise<void> {
    expect(element).toBeTruthy();
    (element as HTMLElement).click();
    await stable();
  }

  async function type(testId: string, value: string): Promise<void> {
    const input = $(`[data-testid="field-${testId}"]`) as HTMLInputElement;
    expect(input).toBeTruthy();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  }

  async function check(testId: string): Promise<void> {
    const input = $(`[data-testid="field-${testId}"]`) as HTMLInputElement;
    input.checked = true;
    input.dispatchEvent(new Event('change'));
    await stable();
  }

  const $ = (selector: string) => el.querySelector(selector);
  const $$ = (selector: string) => [...el.querySelectorAll(selector)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const url = () => TestBed.inject(Router).url;

  async function pickTime(date = '2027-03-29', index = 0): Promise<void> {
    await click($(`[data-testid="day-${date}"]`));
    await click($$('[data-testid="slot"]')[index]);
  }

  async function toApplicant(): Promise<void> {
    await open();
    await pickTime();
    await click($('[data-testid="continue"]'));
    expect(url()).toBe('/prenota/CIE/richiedente');
  }

  async function fillValidForm(): Promise<void> {
    await type('firstName', 'Maria');
    await type('lastName', 'Rossi');
    await type('fiscalCode', 'rssmra 85t10 a562s');
    await type('email', 'maria@example.org');
    await check('privacyAccepted');
  }

  async function toSummary(): Promise<void> {
    await toApplicant();
    await fillValidForm();
    await click($('[data-testid="continue"]'));
    expect(url()).toBe('/prenota/CIE/riepilogo');
  }

  describe('step "Data e orario"', () => {
    it('asks for 93 days of availability from today in Rome', async () => {
      await open();
      expect(api.availability).toHaveBeenCalledWith({
        officeId: 'office-1',
        serviceId: 'svc-cie',
        from: '2027-03-20',
        to: '2027-06-20',
      });
    });

    it('shows the steps with "Data e orario" current, earlier ones as links and later ones not reachable', async () => {
      await open();
      const steps = $('[data-testid="steps"]');
      expect(steps?.tagName).toBe('NAV');
      const items = $$('[data-testid="steps"] li');
      expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'current', 'locked', 'locked', 'locked']);
      expect(items[2].getAttribute('aria-current')).toBe('step');
      expect(text(items[1])).toContain('Carta d’identità elettronica');
      expect(items[1].querySelector('a')?.getAttribute('href')).toBe('/');
      expect(items[3].querySelector('a, button')).toBeNull();
      expect(text(items[3])).toContain('non ancora disponibile');
      expect(text($('.sp-steps-position'))).toBe('Passo 3 di 6');
    });

    it('opens the calendar on the month of the first free day, Monday first', async () => {
      await open();
      expect(text($('[data-testid="calendar-month"]'))).toBe('marzo 2027');
      const headers = $$('[data-testid="calendar"] th');
      expect(headers).toHaveLength(7);
      expect(text(headers[0].querySelector('.visually-hidden'))).toBe('lunedì');
      const free = $$('button[data-testid^="day-"]');
      expect(free.map((b) => b.getAttribute('data-testid'))).toEqual(['day-2027-03-29', 'day-2027-03-31']);
      expect(free[0].getAttribute('aria-label')).toBe('lunedì 29 marzo 2027, orari liberi');
      expect($('button[data-date="2027-03-30"]')?.hasAttribute('disabled')).toBe(true);
      expect($$('[data-testid="calendar"] button[data-date][tabindex="0"]')).toHaveLength(1);
    });

    it('moves between months within the fetched range', async () => {
      await open();
      const next = $('[data-testid="calendar-next"]');
      expect(($('[data-testid="calendar-prev"]') as HTMLButtonElement).disabled).toBe(true);
      expect(next?.getAttribute('aria-label')).toBe('Mese successivo: aprile 2027');
      await click(next);
      expect(text($('[data-testid="calendar-month"]'))).toBe('aprile 2027');
      await click(next);
      await click(next);
      expect(text($('[data-testid="calendar-month"]'))).toBe('giugno 2027');
      expect(($('[data-testid="calendar-next"]') as HTMLButtonElement).disabled).toBe(true);
      expect(text($('[data-testid="month-empty"]'))).toBe('Nessun orario libero in giugno 2027.');
    });

    it('lists the free times of a chosen day in Rome time, with remaining places', async () => {
      await open();
      await click($('[data-testid="day-2027-03-29"]'));
      expect(text($('[data-testid="times-for"]'))).toBe('Orari liberi di lunedì 29 marzo 2027');
      const slots = $$('[data-testid="slot"]');
      // The full 09:30 slot is left out; 07:00Z is 09:00 in Rome (CEST).
      expect(slots.map((s) => text(s.querySelector('.sp-slot-time')))).toEqual(['08:30', '09:00']);
      expect(slots.map((s) => text(s.querySelector('.sp-slot-remaining')))).toEqual(['2 posti liberi', '1 posto libero']);
      expect(text($('[data-testid="announcer"]'))).toBe('lunedì 29 marzo 2027: 2 orari liberi.');
    });

    it('marks the chosen time and offers "Continua"', async () => {
      await open();
      await pickTime('2027-03-29', 1);
      expect($$('[data-testid="slot"]').map((s) => s.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
      expect(text($('[data-testid="choice"]'))).toContain('Hai scelto lunedì 29 marzo 2027 alle 09:00 per «Carta d’identità elettronica».');
      expect(text($('[data-testid="continue"]'))).toBe('Continua');
      expect(($('[data-testid="continue"]') as HTMLButtonElement).disabled).toBe(false);
    });

    it('clears the chosen time when another day is picked', async () => {
      await open();
      await pickTime();
      await click($('[data-testid="day-2027-03-31"]'));
      expect($$('[data-testid="slot"]').map((s) => text(s.querySelector('.sp-slot-time')))).toEqual(['14:30']);
      expect($('[data-testid="choice"]')).toBeNull();
    });

    it('follows the language for dates, labels and the service name', async () => {
      await open();
      await pickTime();
      TestBed.inject(I18n).setLanguage('en');
      await stable();
      expect(text($('[data-testid="calendar-month"]'))).toBe('March 2027');
      expect($('[data-testid="day-2027-03-29"]')?.getAttribute('aria-label')).toBe('Monday, 29 March 2027, free times, selected');
      expect(text($('[data-testid="choice"]'))).toContain('You chose Monday, 29 March 2027 at 08:30 for “Electronic identity card”.');
    });

    it('says when a service code does not exist', async () => {
      await open('/prenota/XYZ');
      expect(text($('[data-testid="service-missing"]'))).toContain('«XYZ»');
      expect(api.availability).not.toHaveBeenCalled();
      expect($('[data-testid="calendar"]')).toBeNull();
    });

    it('accepts the service code in any case', async () => {
      await open('/prenota/spid');
      expect(text($('[data-testid="service-name"]'))).toBe('Riconoscimento SPID');
    });

    it('says when there is no free time at all', async () => {
      api.availability.mockResolvedValue({ timeZone: 'Europe/Rome', days: [] });
      await open();
      expect(text($('[data-testid="no-availability"]'))).toContain('non ci sono orari liberi');
      expect($('[data-testid="calendar"]')).toBeNull();
    });

    it('offers the waiting list when there is no free time, and the calendar again if times turned up meanwhile', async () => {
      api.availability.mockResolvedValue({ timeZone: 'Europe/Rome', days: [] });
      await open();
      expect(text($('[data-testid="waitlist-intro"]'))).toContain('«Carta d’identità elettronica»');
      // The office's contacts next to the waiting list: a person may rather call.
      expect($('[data-testid="office-contacts"] [data-testid="contacts-phone"]')).not.toBeNull();
      expect($('[data-testid="office-contacts"] [data-testid="contacts-map"]')?.getAttribute('href')).toContain('openstreetmap.org');
      const email = $('[data-testid="waitlist-email"]') as HTMLInputElement;
      email.value = 'maria@example.org';
      email.dispatchEvent(new Event('input'));
      const privacy = $('[data-testid="waitlist-privacy"]') as HTMLInputElement;
      privacy.checked = true;
      privacy.dispatchEvent(new Event('change'));
      await click($('[data-testid="waitlist-submit"]'));
      expect(api.joinWaitlist).toHaveBeenCalledWith({
        officeId: 'office-1',
        serviceId: 'svc-cie',
        email: 'maria@example.org',
        language: 'it',
        privacyAccepted: true,
      });
      expect(text($('[data-testid="waitlist-problem"]'))).toContain('si sono liberati degli orari');

      api.availability.mockResolvedValue(AVAILABILITY);
      await click($('[data-testid="waitlist-show-times"]'));
      expect($('[data-testid="calendar"]')).not.toBeNull();
      expect($('[data-testid="waitlist"]')).toBeNull();
    });

    it('announces the api error message in the alert region and can retry', async () => {
      api.availability.mockRejectedValue(apiError(400, { code: 'VALIDATION_FAILED', message: 'Intervallo di date non valido' }));
      await open();
      expect(text($('[role="alert"]'))).toBe('Intervallo di date non valido');
      expect($('[data-testid="calendar"]')).toBeNull();
      api.availability.mockResolvedValue(AVAILABILITY);
      await click($$('button').find((b) => text(b) === 'Riprova'));
      expect($('[data-testid="calendar"]')).not.toBeNull();
    });
  });

  describe('the hold', () => {
    it('"Continua" holds the chosen time, then shows "Richiedente" with the countdown', async () => {
      await toApplicant();
      expect(api.hold).toHaveBeenCalledWith({
        officeId: 'office-1',
        serviceId: 'svc-cie',
        start: '2027-03-29T08:30:00+02:00',
      });
      expect($('h1')?.textContent).toContain('I tuoi dati');
      expect(text($('[role="timer"]'))).toBe('10:00');
      expect(text($('[data-testid="recap"]'))).toBe('Stai prenotando «Carta d’identità elettronica» per lunedì 29 marzo 2027 alle 08:30.');
      const items = $$('[data-testid="steps"] li');
      expect(items[3].getAttribute('aria-current')).toBe('step');
      expect(items[2].querySelector('a')?.getAttribute('href')).toBe('/prenota/CIE');
      expect(text(items[2])).toContain('29 mar 2027, 08:30');
    });

    it('a taken time: says so, offers the alternatives, and one click holds one and goes on', async () => {
      api.hold.mockRejectedValueOnce(
        apiError(409, {
          code: 'SLOT_UNAVAILABLE',
          message: 'non disponibile',
          alternatives: [
            { start: '2027-03-29T09:00:00+02:00', end: '2027-03-29T09:30:00+02:00' },
            { start: '2027-03-31T14:30:00+02:00', end: '2027-03-31T15:00:00+02:00' },
          ],
        }),
      );
      await open();
      await pickTime();
      await click($('[data-testid="continue"]'));
      expect(url()).toBe('/prenota/CIE');
      const problem = $('[data-testid="hold-problem"]');
      expect(text(problem)).toContain('L’orario scelto non è più disponibile.');
      expect(document.activeElement).toBe(problem);
      // The calendar is reloaded, since it was out of date.
      expect(api.availability).toHaveBeenCalledTimes(2);
      const alternatives = $$('[data-testid="alternative"]');
      expect(alternatives.map(text)).toEqual(['lunedì 29 marzo 2027 09:00', 'mercoledì 31 marzo 2027 14:30']);

      await click(alternatives[1]);
      expect(api.hold).toHaveBeenLastCalledWith({
        officeId: 'office-1',
        serviceId: 'svc-cie',
        start: '2027-03-31T14:30:00+02:00',
      });
      expect(url()).toBe('/prenota/CIE/richiedente');
      expect(text($('[data-testid="recap"]'))).toContain('mercoledì 31 marzo 2027 alle 14:30');
    });

    it('the hold limit with no hold of this browser known: says when the first frees up, with the contacts', async () => {
      api.hold.mockRejectedValueOnce(apiError(429, { code: 'HOLD_LIMIT_REACHED', message: 'Troppi orari.', retryAt: '2027-03-20T09:07:00.000Z' }));
      await open();
      await pickTime();
      await click($('[data-testid="continue"]'));
      expect(text($('[data-testid="hold-problem"] p'))).toBe('Hai già altri orari riservati');
      expect(text($('[data-testid="hold-limit-unknown"]'))).toContain('il primo alle 10:07');
      expect($('[data-testid="hold-problem"] [data-testid="contacts-phone"]')?.getAttribute('href')).toBe('tel:0516461111');
      expect($('[data-testid="alternative"]')).toBeNull();
    });

    it('the hold limit: lists the times this browser holds (other tabs too) and releases them to go on', async () => {
      localStorage.setItem(
        'sportello.holds',
        JSON.stringify([
          { holdId: 'h-1', serviceCode: 'SPID', serviceName: 'Riconoscimento SPID', start: '2027-03-31T14:30:00+02:00', expiresAt: '2027-03-20T09:08:00.000Z' },
          { holdId: 'h-old', serviceCode: 'CIE', serviceName: 'CIE', start: '2027-03-31T15:00:00+02:00', expiresAt: '2027-03-20T08:00:00.000Z' },
        ]),
      );
      api.hold.mockRejectedValueOnce(apiError(429, { code: 'HOLD_LIMIT_REACHED', message: 'Troppi orari.', retryAt: '2027-03-20T09:08:00.000Z' }));
      await open();
      await pickTime();
      await click($('[data-testid="continue"]'));
      // The run-out hold is not listed.
      expect([...el.querySelectorAll('[data-testid="held-time"] > span')].map(text)).toEqual([
        'Riconoscimento SPID: mercoledì 31 marzo 2027 alle 14:30, riservato fino alle 10:08',
      ]);
      await click($('[data-testid="release-h-1"]'));
      expect(api.releaseHold).toHaveBeenCalledWith('h-1');
      // None left: it goes on, holding the chosen time.
      expect(api.hold).toHaveBeenCalledTimes(2);
      expect(url()).toBe('/prenota/CIE/richiedente');
      expect(JSON.parse(localStorage.getItem('sportello.holds') ?? '[]').map((h: { holdId: string }) => h.holdId)).toEqual([HOLD.holdId]);
    });

    it('choosing the same time again reuses the hold; another time takes a new one', async () => {
      await toApplicant();
      await click($('[data-testid="step-link-datetime"]'));
      expect(url()).toBe('/prenota/CIE');
      // The day and time chosen are still selected.
      expect($('[data-testid="day-2027-03-29"]')?.getAttribute('aria-pressed')).toBe('true');
      expect($$('[data-testid="slot"]')[0].getAttribute('aria-pressed')).toBe('true');
      await click($('[data-testid="continue"]'));
      expect(api.hold).toHaveBeenCalledTimes(1);

      await click($('[data-testid="step-link-datetime"]'));
      await click($$('[data-testid="slot"]')[1]);
      await click($('[data-testid="continue"]'));
      expect(api.hold).toHaveBeenCalledTimes(2);
      expect(api.hold).toHaveBeenLastCalledWith(expect.objectContaining({ start: '2027-03-29T07:00:00Z' }));
    });
  });

  describe('step "Richiedente"', () => {
    it('lists every error in a focused summary linking to the fields, and marks the fields', async () => {
      await toApplicant();
      await click($('[data-testid="continue"]'));
      expect(url()).toBe('/prenota/CIE/richiedente');
      const summary = $('[data-testid="error-summary"]');
      expect(document.activeElement).toBe(summary);
      expect(text(summary?.querySelector('h2'))).toBe('Ci sono 5 errori da correggere');
      const links = [...(summary?.querySelectorAll('a') ?? [])];
      expect(links.map((a) => a.getAttribute('href'))).toEqual([
        '#applicant-firstName',
        '#applicant-lastName',
        '#applicant-fiscalCode',
        '#applicant-email',
        '#applicant-privacyAccepted',
      ]);
      const input = $('#applicant-fiscalCode');
      expect(input?.getAttribute('aria-invalid')).toBe('true');
      expect(input?.getAttribute('aria-describedby')).toBe('applicant-fiscalCode-hint applicant-fiscalCode-error');
      expect(text($('#applicant-fiscalCode-error'))).toBe('Errore: Inserisci il codice fiscale.');
      expect($('#applicant-phone')?.getAttribute('aria-invalid')).toBeNull();

      await click(links[2]);
      expect(document.activeElement).toBe(input);
    });

    it('explains what is wrong with a codice fiscale, and errors go away as they are fixed', async () => {
      await toApplicant();
      await fillValidForm();
      await type('fiscalCode', 'RSSMRA85T10A562X');
      await click($('[data-testid="continue"]'));
      expect(url()).toBe('/prenota/CIE/richiedente');
      expect(text($('[data-testid="error-summary"] h2'))).toBe('C’è un errore da correggere');
      expect(text($('[data-testid="error-fiscalCode"]'))).toContain('l’ultimo carattere (di controllo) non corrisponde');

      await type('fiscalCode', 'RSSMRA85T10A562S');
      expect($('[data-testid="error-summary"]')).toBeNull();
      expect($('#applicant-fiscalCode')?.getAttribute('aria-invalid')).toBeNull();
    });

    it('counts the characters of the notes', async () => {
      await toApplicant();
      expect(text($('[data-testid="notes-counter"]'))).toBe('Puoi scrivere ancora 200 caratteri (massimo 200).');
      await type('notes', 'x'.repeat(205));
      expect(text($('[data-testid="notes-counter"]'))).toBe('Hai scritto 5 caratteri di troppo (massimo 200).');
      expect($('#applicant-notes')?.getAttribute('aria-describedby')).toBe('applicant-notes-hint applicant-notes-counter');
    });

    it('the privacy notice says how long data are kept and links to the privacy page', async () => {
      await toApplicant();
      expect(text($('[data-testid="privacy-notice"]'))).toContain('90 giorni dopo l’appuntamento');
      expect($('[data-testid="privacy-notice"] a')?.getAttribute('href')).toBe('/privacy');
    });

    it('keeps what was typed when going back and forth, and through the privacy page', async () => {
      await toApplicant();
      await type('firstName', 'Maria');
      await type('notes', 'Con passeggino');
      await click($('[data-testid="step-link-datetime"]'));
      await click($('[data-testid="continue"]'));
      expect(($('[data-testid="field-firstName"]') as HTMLInputElement).value).toBe('Maria');
      expect(($('[data-testid="field-notes"]') as HTMLTextAreaElement).value).toBe('Con passeggino');

      await click($('[data-testid="privacy-notice"] a'));
      expect(url()).toBe('/privacy');
      await harness.navigateByUrl('/prenota/CIE/richiedente');
      await stable();
      expect(($('[data-testid="field-firstName"]') as HTMLInputElement).value).toBe('Maria');
    });
  });

  describe('step "Riepilogo"', () => {
    it('summarises service, office, date and time with the zone, the applicant and the documents', async () => {
      await toSummary();
      expect(text($('[data-testid="summary-service"]'))).toBe('Carta d’identità elettronica');
      expect(text($('[data-testid="summary-office"]'))).toBe('URP Calderara di Reno Piazza Marconi 7, 40012 Calderara di Reno (BO)');
      expect(text($('[data-testid="summary-date"]'))).toBe('lunedì 29 marzo 2027');
      expect(text($('[data-testid="summary-time"]'))).toBe('08:30–09:00 Ora italiana');
      expect(text($('[data-testid="summary-fiscal-code"]'))).toBe('RSSMRA85T10A562S');
      expect($$('[data-testid="summary-documents"] li').map(text)).toEqual(CIE.documents);
      expect($$('[data-testid="steps"] li a').map((a) => a.getAttribute('href'))).toEqual(['/', '/', '/prenota/CIE', '/prenota/CIE/richiedente']);
    });

    it('"Conferma prenotazione" books with an Idempotency-Key and shows the confirmation', async () => {
      await toSummary();
      await click($('[data-testid="confirm"]'));
      expect(api.book).toHaveBeenCalledWith(
        {
          holdId: HOLD.holdId,
          officeId: 'office-1',
          serviceId: 'svc-cie',
          start: '2027-03-29T08:30:00+02:00',
          citizen: { firstName: 'Maria', lastName: 'Rossi', fiscalCode: 'RSSMRA85T10A562S', email: 'maria@example.org' },
          language: 'it',
          privacyAccepted: true,
        },
        'key-1',
      );
      expect(url()).toBe('/prenota/CIE/conferma');
      expect(text($('[data-testid="booking-code"]'))).toBe('CIE-7K3P9Q');
      // The booking is final: no step leads back any more.
      expect($$('[data-testid="steps"] li a')).toHaveLength(0);
      expect($$('[data-testid="steps"] li').map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'done', 'done', 'done', 'current']);
    });

    it('puts the api’s field errors back on the form', async () => {
      api.book.mockRejectedValueOnce(
        apiError(400, {
          code: 'VALIDATION_FAILED',
          message: 'Dati non validi',
          errors: [{ field: 'citizen.fiscalCode', message: 'Codice fiscale non valido (dal server).' }],
        }),
      );
      await toSummary();
      await click($('[data-testid="confirm"]'));
      expect(url()).toBe('/prenota/CIE/richiedente');
      const summary = $('[data-testid="error-summary"]');
      expect(text(summary)).toContain('Codice fiscale non valido (dal server).');
      expect(document.activeElement).toBe(summary);
      expect(text($('[data-testid="error-fiscalCode"]'))).toContain('Codice fiscale non valido (dal server).');
      expect($('#applicant-fiscalCode')?.getAttribute('aria-invalid')).toBe('true');

      // Editing the field clears the api's message; the next attempt is a new request.
      await type('fiscalCode', 'MRTMTT25D09F205Z');
      expect($('[data-testid="error-summary"]')).toBeNull();
      await click($('[data-testid="continue"]'));
      await click($('[data-testid="confirm"]'));
      expect(api.book).toHaveBeenLastCalledWith(expect.objectContaining({ citizen: expect.objectContaining({ fiscalCode: 'MRTMTT25D09F205Z' }) }), 'key-2');
      expect(url()).toBe('/prenota/CIE/conferma');
    });

    it('explains an active booking for the same service (LIMIT_REACHED)', async () => {
      api.book.mockRejectedValueOnce(apiError(409, { code: 'LIMIT_REACHED', message: 'limite' }));
      await toSummary();
      await click($('[data-testid="confirm"]'));
      const problem = $('[data-testid="submit-problem"]');
      expect(text(problem)).toContain('Hai già una prenotazione attiva per «Carta d’identità elettronica»');
      expect(text(problem)).toContain('link nell’e-mail di conferma');
      expect(document.activeElement).toBe(problem);
    });

    it('offers the alternatives when the time was taken meanwhile, and confirms with the new one', async () => {
      api.book.mockRejectedValueOnce(
        apiError(409, {
          code: 'SLOT_UNAVAILABLE',
          message: 'non disponibile',
          alternatives: [{ start: '2027-04-06T08:30:00+02:00', end: '2027-04-06T09:00:00+02:00' }],
        }),
      );
      await toSummary();
      await click($('[data-testid="confirm"]'));
      expect(text($('[data-testid="submit-problem"]'))).toContain('L’orario scelto non è più disponibile.');
      await click($('[data-testid="alternative"]'));
      expect(api.hold).toHaveBeenLastCalledWith(expect.objectContaining({ start: '2027-04-06T08:30:00+02:00' }));
      expect(url()).toBe('/prenota/CIE/riepilogo');
      expect(text($('[data-testid="summary-date"]'))).toBe('martedì 6 aprile 2027');
      await click($('[data-testid="confirm"]'));
      expect(api.book).toHaveBeenLastCalledWith(expect.objectContaining({ start: '2027-04-06T08:30:00+02:00' }), 'key-2');
    });

    it('after a network failure "Riprova" sends the same request with the same Idempotency-Key', async () => {
      api.book.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
      await toSummary();
      await click($('[data-testid="confirm"]'));
      expect(text($('[data-testid="submit-problem"]'))).toContain('non verrà registrata due volte');
      await click($('[data-testid="retry"]'));
      expect(api.book).toHaveBeenCalledTimes(2);
      expect(api.book.mock.calls[0][1]).toBe('key-1');
      expect(api.book.mock.calls[1][1]).toBe('key-1');
      expect(api.book.mock.calls[1][0]).toEqual(api.book.mock.calls[0][0]);
      expect(url()).toBe('/prenota/CIE/conferma');
    });
  });

  describe('cutoff, fee and feedback (issue 13)', () => {
    it('the summary shows the fee, «Nessuna» for no notes, and until when the booking can be changed online', async () => {
      await toSummary();
      expect(text($('[data-testid="summary-fee"]'))).toBe('22,21 € Pagamento con PagoPA');
      expect(text($('[data-testid="summary-applicant"]'))).toContain('TelefonoNessunoNote per l’ufficioNessuna');
      expect(text($('[data-testid="summary-cutoff"]'))).toBe('Potrai spostare o annullare la prenotazione online fino a domenica 28 marzo 2027, 08:30.');
      expect($('[data-testid="summary-cutoff"]')?.classList.contains('alert')).toBe(false);
    });

    it('a time inside the cutoff: the summary says it cannot be changed online, with the contacts', async () => {
      api.offices.mockResolvedValue([{ ...OFFICE, cancelCutoffHours: 240 }]);
      await toSummary();
      expect(text($('[data-testid="summary-cutoff"]'))).toBe(
        'Questo orario è a meno di 240 ore dall’inizio: una volta prenotato non si potrà spostare né annullare online. Per qualunque cambiamento dovrai contattare l’URP.',
      );
      expect($('[data-testid="summary-appointment"] [data-testid="contacts-phone"]')).not.toBeNull();
    });

    it('"Conferma prenotazione" is busy and disabled while it submits', async () => {
      api.book.mockReturnValue(new Promise(() => undefined));
      await toSummary();
      await click($('[data-testid="confirm"]'));
      const button = $('[data-testid="confirm"]') as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-busy')).toBe('true');
      expect(text(button)).toBe('Invio in corso…');
      expect(button.querySelector('.progress-spinner')).not.toBeNull();
      expect(api.book).toHaveBeenCalledTimes(1);
    });

    it('the confirmation gives the exact last moment for changes and the fee', async () => {
      await toSummary();
      await click($('[data-testid="confirm"]'));
      expect(text($('[data-testid="confirm-cutoff"]'))).toBe('Puoi spostare o annullare online fino a domenica 28 marzo 2027, 08:30.');
      expect(text($('[data-testid="confirm-fee"]'))).toBe('22,21 € Pagamento con PagoPA');
    });

    it('a suspended service says why and until when, with the contacts, instead of times', async () => {
      api.services.mockResolvedValue([
        { ...CIE, suspension: { reason: 'Lavori allo sportello', until: '2027-06-01T00:00:00+02:00', lastClosedDate: '2027-05-31' } },
      ]);
      api.availability.mockResolvedValue({ timeZone: 'Europe/Rome', days: [] });
      await open();
      expect(text($('[data-testid="suspended"]'))).toContain('non si può prenotare fino al lunedì 31 maggio 2027 compreso');
      expect(text($('[data-testid="suspended"]'))).toContain('Motivo: Lavori allo sportello.');
      expect($('[data-testid="no-availability"]')).toBeNull();
      expect($('[data-testid="office-contacts"]')).not.toBeNull();
    });

    it('the time chosen and "Continua" sit in the action bar (sticky at the bottom on phones)', async () => {
      await open();
      await pickTime();
      expect($('[data-testid="choice"]')?.classList.contains('sp-action-bar')).toBe(true);
    });
  });

  describe('guards', () => {
    it('a step opened directly (e.g. after a reload) leads back to "Data e orario"', async () => {
      await open('/prenota/CIE/riepilogo');
      expect(url()).toBe('/prenota/CIE');
      await open('/prenota/CIE/conferma');
      expect(url()).toBe('/prenota/CIE');
    });

    it('after the booking the earlier steps lead to the confirmation; a new booking starts afresh', async () => {
      await toSummary();
      await click($('[data-testid="confirm"]'));
      await harness.navigateByUrl('/prenota/CIE/riepilogo');
      await stable();
      expect(url()).toBe('/prenota/CIE/conferma');

      await harness.navigateByUrl('/prenota/CIE');
      await stable();
      expect($('[data-testid="choice"]')).toBeNull();
      await pickTime();
      await click($('[data-testid="continue"]'));
      expect(($('[data-testid="field-firstName"]') as HTMLInputElement).value).toBe('');
    });
  });

  describe('App IO (issue 16)', () => {
    const receiveIo = () => $('[data-testid="field-receiveIo"]') as HTMLInputElement | null;

    it('not configured on the api: no "Ricevi anche su App IO", and the request carries no channels', async () => {
      await TestBed.inject(CitizenAuth).ensureLoaded();
      await toApplicant();
      expect(receiveIo()).toBeNull();
    });

    it('configured: "Ricevi anche su App IO" is checked by default and sent; unchecked, the booking opts out', async () => {
      api.publicConfig.mockResolvedValue(IO_CONFIG);
      await TestBed.inject(CitizenAuth).ensureLoaded();
      await toApplicant();
      expect(receiveIo()?.checked).toBe(true);
      expect(text($('label[for="applicant-receiveIo"]'))).toBe('Ricevi anche su App IO');
      expect(receiveIo()?.getAttribute('aria-describedby')).toBe('applicant-receiveIo-hint');
      await click(receiveIo());
      await fillValidForm();
      await click($('[data-testid="continue"]'));
      await click($('[data-testid="confirm"]'));
      expect(api.book).toHaveBeenCalledWith(expect.objectContaining({ channels: { io: false } }), 'key-1');
    });

    it('configured, left checked: the booking asks for IO too', async () => {
      api.publicConfig.mockResolvedValue(IO_CONFIG);
      await TestBed.inject(CitizenAuth).ensureLoaded();
      await toSummary();
      await click($('[data-testid="confirm"]'));
      expect(api.book).toHaveBeenCalledWith(expect.objectContaining({ channels: { io: true } }), 'key-1');
    });
  });

  describe('signed in with SPID/CIE', () => {
    /** What the header does on every page: asks who is signed in (with the cookie: Giulia Bianchi). */
    async function signIn(signedIn = true): Promise<void> {
      if (signedIn) document.cookie = 'CITIZEN-XSRF-TOKEN=citizen; path=/';
      await TestBed.inject(CitizenAuth).ensureLoaded();
    }

    const field = (name: string) => $(`[data-testid="field-${name}"]`) as HTMLInputElement;

    it('"Richiedente": names and codice fiscale from the identity, read-only; the e-mail filled in', async () => {
      await signIn();
      await toApplicant();
      expect(text($('[data-testid="identity-note"]'))).toBe(
        'Nome, cognome e codice fiscale vengono dalla tua identità digitale e non si possono cambiare qui.',
      );
      expect(['firstName', 'lastName', 'fiscalCode'].map((name) => [field(name).value, field(name).readOnly])).toEqual([
        ['Giulia', true],
        ['Bianchi', true],
        ['BNCGLI90A41A944S', true],
      ]);
      expect(field('email').value).toBe('giulia.bianchi@example.org');
      expect(field('email').readOnly).toBe(false);
      expect(field('phone').readOnly).toBe(false);
    });

    it('typing into a locked field changes nothing that is sent', async () => {
      await signIn();
      await toApplicant();
      await type('fiscalCode', 'RSSMRA85T10A562S');
      await type('firstName', 'Maria');
      await type('email', 'altro@example.org');
      await check('privacyAccepted');
      await click($('[data-testid="continue"]'));
      expect(url()).toBe('/prenota/CIE/riepilogo');
      expect(text($('[data-testid="summary-fiscal-code"]'))).toBe('BNCGLI90A41A944S');
      expect(text($('[data-testid="summary-applicant"]'))).toContain('Giulia Bianchi');
      expect(text($('[data-testid="summary-applicant"]'))).not.toContain('Maria');
      expect(text($('[data-testid="summary-applicant"]'))).toContain('altro@example.org');
      // The api knows who it is: no proof of work before "Conferma prenotazione".
      expect($('[data-testid="proof-of-work"]')).toBeNull();
    });

    it('the identity arriving late (after a reload) fills the names, but keeps an e-mail already typed', async () => {
      // Nobody has asked the api yet.
      await toApplicant();
      await type('email', 'altro@example.org');
      await type('firstName', 'Maria');
      expect(field('firstName').readOnly).toBe(false);
      await signIn();
      await stable();
      expect(field('firstName').value).toBe('Giulia');
      expect(field('firstName').readOnly).toBe(true);
      expect(field('email').value).toBe('altro@example.org');
    });

    it('anonymous: every field can be typed into, without the identity note', async () => {
      await signIn(false);
      await toApplicant();
      expect(['firstName', 'lastName', 'fiscalCode', 'email'].map((name) => field(name).readOnly)).toEqual([false, false, false, false]);
      expect(field('firstName').value).toBe('');
      expect($('[data-testid="identity-note"]')).toBeNull();
      await type('firstName', 'Maria');
      expect(field('firstName').value).toBe('Maria');
    });

    it('a service booked only with SPID/CIE, anonymous: the buttons instead of "Continua"', async () => {
      api.services.mockResolvedValue([SPID, { ...CIE, signInRequired: true }]);
      await signIn(false);
      await open();
      const panel = $('[data-testid="sign-in-required"]');
      expect(text(panel?.querySelector('h2'))).toBe('Serve l’accesso con SPID o CIE');
      expect(panel?.querySelector('[data-testid="sign-in-spid"]')?.getAttribute('href')).toBe('/api/citizen/login?returnTo=%2Fprenota%2FCIE');
      await pickTime();
      expect($('[data-testid="choice"]')).not.toBeNull();
      expect($('[data-testid="continue"]')).toBeNull();
      expect($('[data-testid="choice"] [data-testid="sign-in-cie"]')?.getAttribute('href')).toBe('/api/citizen/login?returnTo=%2Fprenota%2FCIE');
      expect(api.hold).not.toHaveBeenCalled();
    });

    it('a service booked only with SPID/CIE, signed in: "Continua" holds the time, without a proof of work', async () => {
      api.services.mockResolvedValue([SPID, { ...CIE, signInRequired: true }]);
      await signIn();
      await open();
      expect($('[data-testid="sign-in-required"]')).toBeNull();
      await pickTime();
      expect($('[data-testid="proof-of-work"]')).toBeNull();
      await click($('[data-testid="continue"]'));
      expect(api.hold).toHaveBeenCalled();
      expect(url()).toBe('/prenota/CIE/richiedente');
    });

    it('anonymous on an ordinary service: "Continua" with the proof of work', async () => {
      await signIn(false);
      await open();
      expect($('[data-testid="sign-in-required"]')).toBeNull();
      await pickTime();
      expect($('[data-testid="continue"]')).not.toBeNull();
      expect($('[data-testid="choice"] [data-testid="proof-of-work"]')).not.toBeNull();
    });
  });
});
