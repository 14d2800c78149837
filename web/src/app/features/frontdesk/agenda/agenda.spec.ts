import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AgendaEntryDto, StaffUserDto } from '@sportello/contracts';
import { HttpErrorResponse } from '@angular/common/http';
import { agendaEntry, apiError, display, FakeEventSource, OPERATOR, ticket, staffPageProviders } from '../../../testing/frontdesk-fixtures';
import { Agenda } from './agenda';

const ENTRIES: AgendaEntryDto[] = [
  agendaEntry(),
  agendaEntry({
    appointmentId: 'a-2',
    code: 'SPID-BCDF23',
    start: '2027-03-29T10:00:00+02:00',
    citizenName: 'Anna Bianchi',
    status: 'CHECKED_IN',
    ticketId: 't-2',
    ticketNumber: 'S003',
  }),
  agendaEntry({ appointmentId: 'a-3', code: 'CIE-GHJK45', start: '2027-03-29T11:00:00+02:00', citizenName: 'Luca Verdi', status: 'CANCELLED' }),
];

describe('Agenda (/staff/agenda)', () => {
  let api: Record<'agenda' | 'display' | 'checkIn' | 'issue', jest.Mock>;
  let fixture: ComponentFixture<Agenda>;
  let el: HTMLElement;
  const user = signal<StaffUserDto | null>(OPERATOR);

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    FakeEventSource.instances = [];
    api = {
      agenda: jest.fn(() => Promise.resolve(ENTRIES)),
      display: jest.fn(() => Promise.resolve(display())),
      checkIn: jest.fn(() => Promise.resolve({ ticket: ticket({ number: 'C014', kind: 'APPOINTMENT' }), created: true })),
      issue: jest.fn(() => Promise.resolve(ticket({ number: 'R002' }))),
    };
    TestBed.configureTestingModule({
      providers: staffPageProviders(api, user),
    });
  });

  afterEach(() => {
    fixture?.destroy();
    el?.remove();
    jest.useRealTimers();
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(Agenda);
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

  const rows = () => [...el.querySelectorAll('[data-testid="agenda-table"] tbody tr')] as HTMLElement[];

  it('lists today’s appointments with time, person, code, codice fiscale, service and status', async () => {
    await render();
    expect(api.agenda).toHaveBeenCalledWith('office-1', '2027-03-29', null);
    expect(text('h1')).toBe('Agenda del giorno');
    expect(text('caption')).toBe('3 appuntamenti, lunedì 29 marzo 2027');
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows().map(cells)).toEqual([
      [
        '09:30',
        'Mario Rossi Codice: CIE-7K3P9Q Codice fiscale: RSSMRA80A01A944I',
        'Carta d’identità elettronica',
        'Prenotato',
        'Registra arrivo: Mario Rossi, ore 09:30',
      ],
      ['10:00', 'Anna Bianchi Codice: SPID-BCDF23 Codice fiscale: RSSMRA80A01A944I', 'Carta d’identità elettronica', 'Arrivato Numero S003', ''],
      ['11:00', 'Luca Verdi Codice: CIE-GHJK45 Codice fiscale: RSSMRA80A01A944I', 'Carta d’identità elettronica', 'Annullato', ''],
    ]);
    expect(rows()[1].querySelector('[data-testid="agenda-status-badge"]')?.className).toContain('sp-status-CHECKED_IN');
    // Only a booked appointment can be checked in.
    expect(el.querySelectorAll('[data-testid="agenda-check-in"]')).toHaveLength(1);
    // The button's name starts with what it shows (WCAG 2.5.3), then says whose arrival.
    expect(text('[data-testid="agenda-check-in"]')).toBe('Registra arrivo: Mario Rossi, ore 09:30');
  });

  it('searches by code, name or codice fiscale as one types, and picks another day', async () => {
    await render();
    jest.useFakeTimers({ advanceTimers: true });
    const search = $('#agenda-search') as HTMLInputElement;
    search.value = 'ros';
    search.dispatchEvent(new Event('input'));
    search.value = 'ross';
    search.dispatchEvent(new Event('input'));
    await jest.advanceTimersByTimeAsync(350);
    await stable();
    // One request for the whole word, not one per key.
    expect(api.agenda.mock.calls.filter((call) => call[2] === 'ros')).toHaveLength(0);
    expect(api.agenda).toHaveBeenLastCalledWith('office-1', '2027-03-29', 'ross');

    api.agenda.mockResolvedValue([]);
    const date = $('#agenda-date') as HTMLInputElement;
    date.value = '2027-03-30';
    date.dispatchEvent(new Event('change'));
    await stable();
    expect(api.agenda).toHaveBeenLastCalledWith('office-1', '2027-03-30', 'ross');
    expect(text('[data-testid="agenda-empty"]')).toBe('Nessun appuntamento corrisponde alla ricerca per martedì 30 marzo 2027.');
  });

  it('checks an appointment in and shows the ticket number', async () => {
    await render();
    api.agenda.mockResolvedValue([{ ...ENTRIES[0], status: 'CHECKED_IN', ticketId: 't-1', ticketNumber: 'C014' }, ...ENTRIES.slice(1)]);
    ($('[data-testid="agenda-check-in"]') as HTMLButtonElement).click();
    await stable();
    expect(api.checkIn).toHaveBeenCalledWith('CIE-7K3P9Q', false);
    expect(text('[data-testid="agenda-status"]')).toBe('Arrivo registrato per Mario Rossi (CIE-7K3P9Q): numero C014.');
    expect(text('[data-testid="agenda-ticket"]')).toBe('Numero C014');
  });

  it('asks before forcing a check-in the api found too early, and forces it on “Sì”', async () => {
    await render();
    api.checkIn.mockRejectedValueOnce(apiError(409, 'CHECK_IN_TOO_EARLY', 'È presto: l’accettazione apre 60 minuti prima dell’appuntamento.'));
    const button = $('[data-testid="agenda-check-in"]') as HTMLButtonElement;
    button.click();
    await stable();
    const dialog = $('[data-testid="force-dialog"]') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(text('#force-text')).toBe(
      'È presto: l’accettazione apre 60 minuti prima dell’appuntamento. Vuoi registrare lo stesso l’arrivo di Mario Rossi (appuntamento delle 09:30)?',
    );
    expect(document.activeElement?.getAttribute('data-testid')).toBe('force-cancel');

    // "No" closes it and gives the focus back.
    ($('[data-testid="force-cancel"]') as HTMLButtonElement).click();
    await stable();
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(button);
    expect(api.checkIn).toHaveBeenCalledTimes(1);

    api.checkIn.mockRejectedValueOnce(apiError(409, 'CHECK_IN_TOO_LATE', 'L’orario è passato.'));
    button.click();
    await stable();
    ($('[data-testid="force-confirm"]') as HTMLButtonElement).click();
    await stable();
    expect(api.checkIn).toHaveBeenLastCalledWith('CIE-7K3P9Q', true);
    expect(text('[data-testid="agenda-status"]')).toContain('numero C014');
  });

  it('shows the other refusals (wrong day, cancelled) as errors, in words for staff', async () => {
    await render();
    api.checkIn.mockRejectedValueOnce(apiError(409, 'CHECK_IN_WRONG_DAY', 'La prenotazione non è per oggi: controlla la data nell’e-mail di conferma.'));
    ($('[data-testid="agenda-check-in"]') as HTMLButtonElement).click();
    await stable();
    expect(($('[data-testid="force-dialog"]') as HTMLDialogElement).open).toBe(false);
    expect(text('[data-testid="agenda-error"]')).toBe('L’appuntamento di Mario Rossi non è di oggi: l’arrivo si registra solo nel giorno dell’appuntamento.');
    api.checkIn.mockRejectedValueOnce(apiError(409, 'APPOINTMENT_CANCELLED', 'Questa prenotazione è stata annullata.'));
    ($('[data-testid="agenda-check-in"]') as HTMLButtonElement).click();
    await stable();
    expect(text('[data-testid="agenda-error"]')).toBe('La prenotazione di Mario Rossi è stata annullata: l’arrivo non si può registrare.');
  });

  it('says why a check-in is too early or too late as staff need it (the citizen’s sentence is for the kiosk)', async () => {
    await render();
    // 09:40 now: the 09:30 appointment was 10 minutes ago; the window comes with the answer.
    const refusal = (code: string, windowMinutes: number) =>
      new HttpErrorResponse({
        status: 409,
        error: { statusCode: 409, code, message: 'L’orario dell’appuntamento è passato: rivolgiti allo sportello.', windowMinutes },
      });
    api.checkIn.mockRejectedValueOnce(refusal('CHECK_IN_TOO_LATE', 5));
    ($('[data-testid="agenda-check-in"]') as HTMLButtonElement).click();
    await stable();
    expect(text('#force-text')).toBe(
      'L’appuntamento di Mario Rossi era alle 09:30, 10 minuti fa: l’accettazione chiude 5 minuti dopo l’orario. Vuoi registrare lo stesso l’arrivo di Mario Rossi (appuntamento delle 09:30)?',
    );
    expect(text('#force-text')).not.toContain('rivolgiti');
  });

  it('shows the phone given at booking, and “Registra arrivo” only for today', async () => {
    api.agenda.mockResolvedValue([agendaEntry({ phone: '+39 051 646 1211' }), ENTRIES[1]]);
    await render();
    const link = rows()[0].querySelector('[data-testid="agenda-phone"] a') as HTMLAnchorElement;
    expect(link.textContent).toBe('+39 051 646 1211');
    expect(link.getAttribute('href')).toBe('tel:+390516461211');
    expect(rows()[1].querySelector('[data-testid="agenda-phone"]')).toBeNull();
    expect($('[data-testid="agenda-check-in"]')).not.toBeNull();
    expect($('[data-testid="agenda-other-day"]')).toBeNull();

    const date = $('[data-testid="agenda-date"]') as HTMLInputElement;
    date.value = '2027-03-30';
    date.dispatchEvent(new Event('change'));
    await stable();
    expect($('[data-testid="agenda-check-in"]')).toBeNull();
    expect(text('[data-testid="agenda-other-day"]')).toBe('Stai guardando martedì 30 marzo 2027: l’arrivo si registra solo nel giorno dell’appuntamento.');
  });

  it('refetches when a ticket changes in the office', async () => {
    await render();
    const calls = api.agenda.mock.calls.length;
    FakeEventSource.latest().emit('ticket', { type: 'ticket', officeId: 'office-1', ticketId: 't-2', event: 'CALLED' });
    await stable();
    expect(api.agenda.mock.calls.length).toBe(calls + 1);
  });
});
