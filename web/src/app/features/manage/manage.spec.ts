import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ManagedAppointmentDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { CitizenAuth } from '../../core/auth/citizen-auth';
import { CLOCK } from '../../core/clock';
import { AVAILABILITY, MANAGED, NOW, SIGN_IN_CONFIG, TOKEN } from '../../testing/fixtures';
import { Manage } from './manage';

const PENDING = { status: 'PENDING' as const, confirmBy: '2027-03-28T18:30:00.000Z', confirmedAt: null };
const CONFIRMED = { status: 'CONFIRMED' as const, confirmBy: null, confirmedAt: '2027-03-28T07:00:00.000Z' };

function apiError(status: number, body: Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, ...body } });
}

describe('Manage (/gestisci/:token)', () => {
  let api: Record<'managed' | 'cancel' | 'reschedule' | 'availability' | 'confirmAttendance', jest.Mock>;
  let fixture: ComponentFixture<Manage>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    api = {
      managed: jest.fn(() => Promise.resolve(MANAGED)),
      cancel: jest.fn(() => Promise.resolve({ ...MANAGED, status: 'CANCELLED', canChange: false } satisfies ManagedAppointmentDto)),
      reschedule: jest.fn((_token: string, start: string) =>
        Promise.resolve({ ...MANAGED, start, end: '2027-03-31T15:00:00+02:00' } satisfies ManagedAppointmentDto),
      ),
      availability: jest.fn(() => Promise.resolve(AVAILABILITY)),
      confirmAttendance: jest.fn(() => Promise.resolve({ ...MANAGED, attendance: CONFIRMED })),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: ApiClient, useValue: api }, { provide: CLOCK, useValue: () => NOW }],
    });
  });

  afterEach(() => el?.remove());

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(Manage);
    fixture.componentRef.setInput('token', TOKEN);
    await stable();
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
  }

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function click(selector: string | Element | null): Promise<void> {
    const target = typeof selector === 'string' ? $(selector) : selector;
    expect(target).toBeTruthy();
    (target as HTMLElement).click();
    await stable();
  }

  it('shows the booking: code, status, service, date and time in Rome, office', async () => {
    await render();
    expect(api.managed).toHaveBeenCalledWith({ token: TOKEN });
    expect(text('h1')).toBe('Gestisci la prenotazione');
    expect(text('[data-testid="manage-code"]')).toBe('CIE-7K3P9Q');
    expect(text('[data-testid="manage-status"]')).toBe('Prenotato');
    expect(text('[data-testid="manage-details"]')).toContain('Carta d’identità elettronica');
    expect(text('[data-testid="manage-date"]')).toBe('lunedì 29 marzo 2027');
    expect(text('[data-testid="manage-time"]')).toContain('08:30–09:00');
    expect(text('[data-testid="manage-details"]')).toContain('Piazza Marconi 7, 40012 Calderara di Reno (BO)');
    expect($('[data-testid="manage-ics"]')?.getAttribute('href')).toBe(`/api/appointments/manage/${TOKEN}/calendar.ics`);
    expect(text('[data-testid="manage-change-until"]')).toContain('domenica 28 marzo 2027, 08:30');
    expect(text('[data-testid="manage-documents"]')).toContain('Una fototessera');
    expect(text('[data-testid="manage-time"]')).toBe('08:30–09:00 Ora italiana');
    expect(text('[data-testid="manage-fee"]')).toBe('22,21 € Pagamento con PagoPA');
  });

  it('shows the QR code the totem reads, and the office contacts with a map link', async () => {
    await render();
    const qr = $('svg[data-testid="manage-qr"]');
    expect(qr?.getAttribute('aria-label')).toBe('Codice QR della prenotazione CIE-7K3P9Q');
    expect(qr?.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100);
    expect($('[data-testid="contacts-phone"]')?.getAttribute('href')).toBe('tel:0516461111');
    expect($('[data-testid="contacts-email"]')?.getAttribute('href')).toBe('mailto:urp@example.org');
    expect($('[data-testid="contacts-map"]')?.getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\//);
  });

  it('headings never skip a level: h1, then h2s', async () => {
    await render();
    const levels = [...el.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    levels.reduce((previous, level) => {
      expect(level).toBeLessThanOrEqual(previous + 1);
      return level;
    }, 0);
    expect(levels[0]).toBe(1);
  });

  it('booked inside the cutoff: says it could never be changed online, not that changes closed before it existed', async () => {
    api.managed.mockResolvedValue({ ...MANAGED, canChange: false, bookedAt: '2027-03-28T14:42:00.000Z', changeableUntil: '2027-03-28T06:30:00.000Z' });
    await render();
    expect(text('[data-testid="manage-closed"]')).toBe(
      'Questa prenotazione non si può spostare né annullare online: è stata fatta a meno di 24 ore dall’appuntamento. Per qualunque cambiamento contatta l’URP.',
    );
    api.managed.mockResolvedValue({ ...MANAGED, canChange: false });
    await render();
    expect(text('[data-testid="manage-closed"]')).toContain('si poteva fino a domenica 28 marzo 2027, 08:30');
  });

  it('cancels only after the confirmation dialog, which can be left without cancelling', async () => {
    await render();
    const dialog = $('[data-testid="cancel-dialog"]') as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.getAttribute('aria-labelledby')).toBe('cancel-title');
    expect(dialog.open).toBe(false);

    await click('[data-testid="manage-cancel"]');
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe($('[data-testid="cancel-keep"]'));
    expect(text('#cancel-text')).toContain('CIE-7K3P9Q');

    await click('[data-testid="cancel-keep"]');
    expect(dialog.open).toBe(false);
    expect(api.cancel).not.toHaveBeenCalled();

    await click('[data-testid="manage-cancel"]');
    await click('[data-testid="cancel-confirm"]');
    expect(api.cancel).toHaveBeenCalledWith({ token: TOKEN });
    expect(dialog.open).toBe(false);
    expect($('[data-testid="manage-status"]')?.getAttribute('data-status')).toBe('CANCELLED');
    expect(text('[data-testid="manage-status"]')).toBe('Annullato');
    expect(text('[data-testid="manage-notice"]')).toBe('La prenotazione è stata annullata.');
    expect(document.activeElement).toBe($('[data-testid="manage-notice"]'));
    expect($('[data-testid="manage-cancel"]')).toBeNull();
    expect($('[data-testid="manage-move"]')).toBeNull();
    expect($('[data-testid="manage-ics"]')).toBeNull();
  });

  it('shows the api’s message when it is too late to cancel (CHANGE_CLOSED)', async () => {
    const message = 'Non è più possibile modificare o annullare online: mancano meno di 24 ore. Contatta l’ufficio.';
    api.cancel.mockRejectedValueOnce(apiError(409, { code: 'CHANGE_CLOSED', message }));
    await render();
    await click('[data-testid="manage-cancel"]');
    await click('[data-testid="cancel-confirm"]');
    expect(text('[data-testid="manage-notice"]')).toBe(message);
    expect($('[data-testid="manage-notice"]')?.getAttribute('data-kind')).toBe('error');
    expect(($('[data-testid="cancel-dialog"]') as HTMLDialogElement).open).toBe(false);
    expect($('[data-testid="manage-status"]')?.getAttribute('data-status')).toBe('BOOKED');
  });

  it('says so when the change window is closed, without offering changes', async () => {
    api.managed.mockResolvedValue({ ...MANAGED, canChange: false });
    await render();
    expect(text('[data-testid="manage-closed"]')).toContain('Non è più possibile spostare o annullare online');
    expect($('[data-testid="manage-cancel"]')).toBeNull();
    expect($('[data-testid="manage-ics"]')).not.toBeNull();
  });

  it('one answer for an unknown, malformed or cancelled link', async () => {
    api.managed.mockRejectedValue(apiError(404, { code: 'NOT_FOUND', message: 'Prenotazione non trovata.' }));
    await render();
    expect(text('[role="alert"]')).toContain('Link non valido o prenotazione annullata');
    expect($('[data-testid="manage-code"]')).toBeNull();
  });

  it('moves the booking with the same calendar, then shows the new time', async () => {
    await render();
    await click('[data-testid="manage-move"]');
    expect($('[data-testid="manage-move"]')?.getAttribute('aria-expanded')).toBe('true');
    expect(api.availability).toHaveBeenCalledWith({
      officeId: 'office-1',
      serviceId: 'svc-cie',
      from: '2027-03-20',
      to: '2027-06-20',
    });
    expect(document.activeElement?.id).toBe('manage-move-title');
    await click('[data-testid="day-2027-03-31"]');
    await click('[data-testid="slot"]');
    expect(text('[data-testid="move-choice"]')).toContain('mercoledì 31 marzo 2027 alle 14:30');
    await click('[data-testid="move-confirm"]');
    expect(api.reschedule).toHaveBeenCalledWith({ token: TOKEN }, '2027-03-31T14:30:00+02:00');
    expect(text('[data-testid="manage-notice"]')).toContain('spostata a mercoledì 31 marzo 2027 alle 14:30');
    expect(text('[data-testid="manage-date"]')).toBe('mercoledì 31 marzo 2027');
    expect($('[data-testid="calendar"]')).toBeNull();
  });

  it('offers the alternatives when the new time was taken; one click moves there', async () => {
    api.reschedule.mockRejectedValueOnce(
      apiError(409, {
        code: 'SLOT_UNAVAILABLE',
        message: 'non disponibile',
        alternatives: [{ start: '2027-04-06T08:30:00+02:00', end: '2027-04-06T09:00:00+02:00' }],
      }),
    );
    await render();
    await click('[data-testid="manage-move"]');
    await click('[data-testid="day-2027-03-31"]');
    await click('[data-testid="slot"]');
    await click('[data-testid="move-confirm"]');
    expect(text('[data-testid="manage-notice"]')).toContain('L’orario scelto non è più disponibile.');
    await click('[data-testid="alternative"]');
    expect(api.reschedule).toHaveBeenLastCalledWith({ token: TOKEN }, '2027-04-06T08:30:00+02:00');
  });

  it('where the office asks for it: the deadline, and one click confirms attendance', async () => {
    api.managed.mockResolvedValue({ ...MANAGED, attendance: PENDING });
    await render();
    expect($('[data-testid="manage-attendance"]')?.getAttribute('data-status')).toBe('PENDING');
    expect(text('[data-testid="manage-attendance"]')).toBe('Da confermare entro domenica 28 marzo 2027, 20:30');
    expect(text('[data-testid="manage-attendance-panel"]')).toContain('se l’appuntamento non è confermato entro domenica 28 marzo 2027, 20:30');
    await click('[data-testid="manage-confirm"]');
    expect(api.confirmAttendance).toHaveBeenCalledWith({ token: TOKEN });
    expect(text('[data-testid="manage-notice"]')).toBe('Grazie: la tua presenza è confermata.');
    expect(document.activeElement).toBe($('[data-testid="manage-notice"]'));
    expect($('[data-testid="manage-attendance"]')?.getAttribute('data-status')).toBe('CONFIRMED');
    expect(text('[data-testid="manage-attendance"]')).toBe('Confermata');
    expect($('[data-testid="manage-confirm"]')).toBeNull();
  });

  it('shows nothing about attendance where the office does not ask for it', async () => {
    await render();
    expect($('[data-testid="manage-attendance"]')).toBeNull();
    expect($('[data-testid="manage-confirm"]')).toBeNull();
  });

  it('a released booking cannot be confirmed any more: the one answer for gone bookings', async () => {
    api.managed.mockResolvedValue({ ...MANAGED, attendance: PENDING });
    api.confirmAttendance.mockRejectedValue(apiError(404, { code: 'NOT_FOUND', message: 'Prenotazione non trovata.' }));
    await render();
    await click('[data-testid="manage-confirm"]');
    expect(text('[data-testid="manage-notice"]')).toContain('Link non valido o prenotazione annullata');
  });
});

describe('Manage, one of the signed-in citizen’s bookings (/le-mie-prenotazioni/:code)', () => {
  const CODE = 'CIE-7K3P9Q';
  let api: Record<'managed' | 'cancel' | 'reschedule' | 'availability' | 'confirmAttendance' | 'publicConfig', jest.Mock>;
  let fixture: ComponentFixture<Manage>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    api = {
      managed: jest.fn(() => Promise.resolve(MANAGED)),
      cancel: jest.fn(() => Promise.resolve({ ...MANAGED, status: 'CANCELLED', canChange: false } satisfies ManagedAppointmentDto)),
      reschedule: jest.fn(),
      availability: jest.fn(() => Promise.resolve(AVAILABILITY)),
      confirmAttendance: jest.fn(() => Promise.resolve({ ...MANAGED, attendance: CONFIRMED })),
      publicConfig: jest.fn(() => Promise.resolve(SIGN_IN_CONFIG)),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: ApiClient, useValue: api }, { provide: CLOCK, useValue: () => NOW }],
    });
  });

  afterEach(() => el?.remove());

  async function render(target: { code: string } | { token: string } = { code: CODE }): Promise<void> {
    // The header has asked whether SPID/CIE is offered (here: yes, and nobody signed in any more).
    await TestBed.inject(CitizenAuth).ensureLoaded();
    fixture = TestBed.createComponent(Manage);
    if ('code' in target) fixture.componentRef.setInput('code', target.code);
    else fixture.componentRef.setInput('token', target.token);
    await stable();
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
  }

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function click(selector: string): Promise<void> {
    const target = $(selector);
    expect(target).toBeTruthy();
    (target as HTMLElement).click();
    await stable();
  }

  it('asks for the booking by its code, with a way back to the list and the citizen’s .ics', async () => {
    await render();
    expect(api.managed).toHaveBeenCalledWith({ code: CODE });
    expect(text('h1')).toBe('La mia prenotazione');
    expect($('a[data-testid="manage-back"]')?.getAttribute('href')).toBe('/le-mie-prenotazioni');
    expect(text('[data-testid="manage-back"]')).toBe('Le mie prenotazioni');
    expect(text('[data-testid="manage-code"]')).toBe(CODE);
    expect($('[data-testid="manage-ics"]')?.getAttribute('href')).toBe(`/api/citizen/appointments/${CODE}/calendar.ics`);
    expect($('[data-testid="manage-signed-out"]')).toBeNull();
  });

  it('cancels and confirms attendance by the code', async () => {
    api.managed.mockResolvedValue({ ...MANAGED, attendance: PENDING });
    await render();
    await click('[data-testid="manage-confirm"]');
    expect(api.confirmAttendance).toHaveBeenCalledWith({ code: CODE });
    await click('[data-testid="manage-cancel"]');
    await click('[data-testid="cancel-confirm"]');
    expect(api.cancel).toHaveBeenCalledWith({ code: CODE });
    expect(text('[data-testid="manage-status"]')).toBe('Annullato');
  });

  it('the session ended (401): the sign-in buttons coming back here, and no "Riprova"', async () => {
    api.managed.mockRejectedValue(apiError(401, { code: 'UNAUTHORIZED', message: 'Accesso richiesto.' }));
    await render();
    expect(text('[data-testid="manage-signed-out"]')).toBe('Accedi con SPID o CIE');
    const hrefs = [...el.querySelectorAll('[data-testid="sign-in-buttons"] a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([`/api/citizen/login?returnTo=%2Fle-mie-prenotazioni%2F${CODE}`, `/api/citizen/login?returnTo=%2Fle-mie-prenotazioni%2F${CODE}`]);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('Riprova');
    expect($('[data-testid="error"]')).toBeNull();
    expect($('[data-testid="manage-code"]')).toBeNull();
  });

  it('another failure still offers "Riprova", without the sign-in', async () => {
    api.managed.mockRejectedValue(apiError(500, { code: 'INTERNAL', message: 'x' }));
    await render();
    expect($('[data-testid="manage-signed-out"]')).toBeNull();
    expect([...el.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('Riprova');
  });

  it('the recovery form only under an e-mailed link (a deferred block)', async () => {
    await render();
    expect(await fixture.getDeferBlocks()).toHaveLength(0);
    expect($('sp-recover-form')).toBeNull();

    el.remove();
    await render({ token: TOKEN });
    expect($('[data-testid="manage-back"]')).toBeNull();
    const [recover] = await fixture.getDeferBlocks();
    expect(recover).toBeDefined();
    await recover.render(DeferBlockState.Complete);
    expect(text('sp-recover-form h2')).toBe('Hai perso l’e-mail?');
  });
});
