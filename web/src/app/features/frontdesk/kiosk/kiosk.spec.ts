import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { StaffUserDto } from '@sportello/contracts';
import { apiError, display, FakeEventSource, KIOSK_USER, notice, noticesAnswer, ticket, staffPageProviders } from '../../../testing/frontdesk-fixtures';
import { Kiosk } from './kiosk';

const WALK_IN = ticket({
  id: 't-5',
  number: 'C015',
  priority: true,
  position: 3,
  estimatedWaitMinutes: 25,
  queuedAt: '2027-03-29T09:40:00+02:00',
  publicUrl: 'http://localhost:3000/biglietto/t-5',
});
const CHECKED_IN = ticket({
  id: 't-6',
  number: 'C016',
  kind: 'APPOINTMENT',
  appointmentCode: 'CIE-7K3P9Q',
  appointmentStart: '2027-03-29T10:00:00+02:00',
  position: 0,
  estimatedWaitMinutes: 0,
});

describe('Kiosk (/staff/totem)', () => {
  let api: Record<'display' | 'issue' | 'checkIn' | 'notices', jest.Mock>;
  let fixture: ComponentFixture<Kiosk>;
  let el: HTMLElement;
  let print: jest.SpyInstance;
  const user = signal<StaffUserDto | null>(KIOSK_USER);

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    FakeEventSource.instances = [];
    user.set(KIOSK_USER);
    print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    api = {
      display: jest.fn(() => Promise.resolve(display())),
      issue: jest.fn(() => Promise.resolve(WALK_IN)),
      checkIn: jest.fn(() => Promise.resolve({ ticket: CHECKED_IN, created: true })),
      notices: jest.fn(() => Promise.resolve(noticesAnswer([]))),
    };
    TestBed.configureTestingModule({
      providers: staffPageProviders(api, user),
    });
    fixture = TestBed.createComponent(Kiosk);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  });

  afterEach(() => {
    fixture.destroy();
    el.remove();
    print.mockRestore();
    jest.useRealTimers();
  });

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async function tap(testId: string): Promise<void> {
    const button = $(`[data-testid="${testId}"]`) as HTMLButtonElement | null;
    expect(button).toBeTruthy();
    button?.click();
    await stable();
  }

  async function type(value: string): Promise<void> {
    const input = $('#kiosk-code') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  }

  it('offers no way out to the staff pages on a totem’s own account', async () => {
    expect($('a[href="/staff"]')).toBeNull();
    user.set({ ...KIOSK_USER, role: 'operator' });
    await stable();
    expect(text('a[href="/staff"]')).toBe('Area operatori');
  });

  it('starts with the two big choices', () => {
    expect(text('h1')).toBe('Benvenuto');
    expect(text('[data-testid="kiosk-appointment"]')).toBe('Ho un appuntamento Registra l’arrivo con il codice o il QR della prenotazione');
    expect(text('[data-testid="kiosk-walk-in"]')).toBe('Non ho appuntamento Prendi il numero per un servizio');
  });

  it('walk-in: priority toggle, service, then the printed ticket with a QR of the public page', async () => {
    await tap('kiosk-walk-in');
    expect(text('h1')).toBe('Non ho appuntamento');
    expect(document.activeElement?.tagName).toBe('H1');
    expect(text('[data-testid="kiosk-service-C"]')).toBe('Carta d’identità elettronica 3 persone in attesa · Attesa stimata: circa 25 minuti');
    expect(text('[data-testid="kiosk-service-S"]')).toBe('Riconoscimento SPID Nessuno in attesa');
    const toggle = $('[data-testid="kiosk-priority"]') as HTMLButtonElement;
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await tap('kiosk-priority');
    expect(toggle.getAttribute('aria-checked')).toBe('true');

    jest.useFakeTimers({ advanceTimers: true });
    await tap('kiosk-service-C');
    expect(api.issue).toHaveBeenCalledWith('office-1', { serviceId: 'svc-cie', priority: true });
    expect(text('h1')).toBe('Ecco il tuo numero');
    expect(text('[data-testid="ticket-number"]')).toBe('C015');
    const printed = text('[data-testid="printed-ticket"]');
    expect(printed).toContain('Carta d’identità elettronica');
    expect(printed).toContain('Precedenza');
    expect(printed).toContain('Emesso il 29 mar 2027, 09:40');
    expect(printed).toContain('Persone prima: 3');
    expect(printed).toContain('Attesa stimata: circa 25 minuti');
    expect($('[data-testid="ticket-qr"]')?.getAttribute('aria-label')).toBe('QR code della pagina con la tua posizione in coda');
    expect($('[data-testid="ticket-qr"] path')?.getAttribute('d')).toMatch(/^M\d/);
    await jest.advanceTimersByTimeAsync(150);
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('goes back to the start after the ticket’s countdown, and abandons a half-done choice', async () => {
    const kiosk = fixture.componentInstance as unknown as { tick(): void };
    await tap('kiosk-walk-in');
    await tap('kiosk-service-C');
    expect(text('.sp-kiosk-hint[role="status"]')).toBe('Si torna all’inizio tra 15 secondi.');
    for (let i = 0; i < 14; i++) kiosk.tick();
    await stable();
    expect(text('.sp-kiosk-hint[role="status"]')).toBe('Si torna all’inizio tra 1 secondo.');
    kiosk.tick();
    await stable();
    expect(text('h1')).toBe('Benvenuto');

    await tap('kiosk-appointment');
    for (let i = 0; i < 90; i++) kiosk.tick();
    await stable();
    expect(text('h1')).toBe('Benvenuto');
  });

  it('appointment: checks in by typed code and shows the ticket', async () => {
    await tap('kiosk-appointment');
    expect(text('h1')).toBe('Ho un appuntamento');
    await type(' cie-7k3p9q ');
    await tap('kiosk-check-in');
    expect(api.checkIn).toHaveBeenCalledWith('CIE-7K3P9Q');
    expect(text('[data-testid="kiosk-note"]')).toBe('Arrivo registrato: attendi la chiamata sullo schermo.');
    expect(text('[data-testid="ticket-number"]')).toBe('C016');
    expect(text('[data-testid="printed-ticket"]')).toContain('Appuntamento CIE-7K3P9Q');
    expect(text('[data-testid="printed-ticket"]')).toContain('Nessuno prima di te');
  });

  it('appointment: says what is wrong with the code, and what the api refused', async () => {
    await tap('kiosk-appointment');
    await tap('kiosk-check-in');
    expect(text('#kiosk-code-error')).toBe('Scrivi il codice di prenotazione.');
    expect(document.activeElement?.id).toBe('kiosk-code');
    await type('12345');
    await tap('kiosk-check-in');
    expect(text('#kiosk-code-error')).toBe(
      'Non riconosciamo questo codice. È nell’e-mail di conferma, per esempio CIE-7K3P9Q: maiuscole, spazi e trattino non contano.',
    );
    expect(api.checkIn).not.toHaveBeenCalled();

    api.checkIn.mockRejectedValueOnce(apiError(409, 'CHECK_IN_TOO_EARLY', 'È presto: l’accettazione apre 60 minuti prima dell’appuntamento.'));
    await type('CIE-7K3P9Q');
    await tap('kiosk-check-in');
    expect(text('[data-testid="kiosk-error"]')).toBe('È presto: l’accettazione apre 60 minuti prima dell’appuntamento.');
    expect(document.activeElement?.id).toBe('kiosk-error');
  });

  it('forgives the way a code is typed (case, spaces, no dash), and each answer replaces the last one', async () => {
    await tap('kiosk-appointment');
    api.checkIn.mockRejectedValueOnce(apiError(404, 'NOT_FOUND', 'Prenotazione non trovata o non più attiva.'));
    await type('cie 7k3 p9q');
    await tap('kiosk-check-in');
    expect(api.checkIn).toHaveBeenLastCalledWith('CIE-7K3P9Q');
    expect(text('[data-testid="kiosk-error"]')).toBe('Prenotazione non trovata o non più attiva.');
    // Typing again clears the old message; a malformed code says so, alone.
    await type('12');
    expect($('[data-testid="kiosk-error"]')).toBeNull();
    await tap('kiosk-check-in');
    expect(text('#kiosk-code-error')).toContain('Non riconosciamo questo codice');
    expect($('[data-testid="kiosk-error"]')).toBeNull();
    await type('spid2q4bx9');
    await tap('kiosk-check-in');
    expect(api.checkIn).toHaveBeenLastCalledWith('SPID-2Q4BX9');
    expect($('#kiosk-code-error')).toBeNull();
    expect(text('[data-testid="ticket-number"]')).toBe('C016');
  });

  it('walk-in while the office is closed: no tickets, and when it opens again', async () => {
    api.display.mockResolvedValue(
      display({ open: { open: false, reason: 'CLOSURE', closureReason: 'Assemblea del personale', opensAt: '2027-03-30T08:30:00+02:00' } }),
    );
    fixture.destroy();
    fixture = TestBed.createComponent(Kiosk);
    el.remove();
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
    await tap('kiosk-walk-in');
    expect(text('[data-testid="kiosk-closed"]')).toBe(
      'L’ufficio è chiusoChiuso: Assemblea del personale. Riapre domani alle 08:30.In questo momento non si prendono biglietti.',
    );
    expect($('[data-testid="kiosk-service-C"]')).toBeNull();
    expect($('[data-testid="kiosk-priority"]')).toBeNull();
  });

  it('walk-in: no button for a service no desk serves; a service closed now is shown but cannot be chosen', async () => {
    const waits = display().waits;
    api.display.mockResolvedValue(display({ waits: [waits[0], { ...waits[1], open: false }, { ...waits[2], desks: 0 }] }));
    fixture.destroy();
    fixture = TestBed.createComponent(Kiosk);
    el.remove();
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
    await tap('kiosk-walk-in');
    expect($('[data-testid="kiosk-service-R"]')).toBeNull();
    const spid = $('[data-testid="kiosk-service-S"]') as HTMLButtonElement;
    expect(spid.disabled).toBe(true);
    expect(spid.textContent).toContain('Chiuso in questo momento');
    expect(($('[data-testid="kiosk-service-C"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('a scanned QR code checks in like a typed one', async () => {
    await tap('kiosk-appointment');
    (fixture.componentInstance as unknown as { onScanned(text: string): void }).onScanned('CIE-7K3P9Q');
    await stable();
    expect(api.checkIn).toHaveBeenCalledWith('CIE-7K3P9Q');
    expect(text('[data-testid="ticket-number"]')).toBe('C016');
  });

  it('switches language on the kiosk itself', async () => {
    ($('.sp-kiosk-lang[lang="en"]') as HTMLButtonElement).click();
    await stable();
    expect(text('h1')).toBe('Welcome');
    expect(text('[data-testid="kiosk-walk-in"]')).toContain('I have no appointment');
  });

  it('shows an alert prominently and the information in a band, and a walk-in ticket is taken all the same', async () => {
    expect($('[data-testid="kiosk-alert"]')).toBeNull();
    expect($('[data-testid="kiosk-notices"]')).toBeNull();
    api.notices.mockResolvedValue(
      noticesAnswer([
        notice({ id: 'a', priority: 'ALERT', text: { it: 'Protezione civile: allerta rossa.', en: null } }),
        notice({ id: 'i', text: { it: 'Da lunedì nuovi orari.', en: null } }),
      ]),
    );
    FakeEventSource.latest().emit('notice', { type: 'notice', officeId: 'office-1', noticeId: 'a' });
    await stable();
    expect($('[data-testid="kiosk-alert"]')?.getAttribute('role')).toBe('alert');
    expect(text('[data-testid="kiosk-alert"] .sp-kiosk-alert-text')).toBe('Protezione civile: allerta rossa.');
    expect(text('[data-testid="kiosk-notices"]')).toBe('Da lunedì nuovi orari.');

    await tap('kiosk-walk-in');
    await tap('kiosk-service-C');
    expect(api.issue).toHaveBeenCalledWith('office-1', { serviceId: 'svc-cie', priority: false });
    expect(text('[data-testid="kiosk-alert"] .sp-kiosk-alert-text')).toBe('Protezione civile: allerta rossa.');
    expect($('.sp-kiosk-alert')?.classList.contains('sp-no-print')).toBe(true);
  });
});
