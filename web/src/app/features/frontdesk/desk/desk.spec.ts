import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DeskDto, StaffUserDto, TicketDto } from '@sportello/contracts';
import { apiError, DESKS, display, FakeEventSource, OPERATOR, staffPageProviders, ticket } from '../../../testing/frontdesk-fixtures';
import { DESK_CHOICE_KEY } from '../shared/preferences';
import { OfficeChoice } from '../../staff/office-choice';
import { Desk } from './desk';

type Api = Record<'desks' | 'queue' | 'display' | 'callNext' | 'call' | 'recall' | 'start' | 'complete' | 'noShow' | 'undo' | 'transfer' | 'pause', jest.Mock>;

const CALLED = ticket({
  id: 't-9',
  number: 'C009',
  status: 'CALLED',
  deskId: 'desk-2',
  deskName: 'Sportello 2',
  calledAt: '2027-03-29T09:39:00+02:00',
  position: null,
});

/** The queue: an appointment due, a promoted walk-in, a priority walk-in, a walk-in, an early appointment, one for RESIDENZA. */
const QUEUE: TicketDto[] = [
  ticket({
    id: 'q1',
    number: 'C004',
    kind: 'APPOINTMENT',
    appointmentCode: 'CIE-7K3P9Q',
    appointmentStart: '2027-03-29T09:30:00+02:00',
    queuedAt: '2027-03-29T09:20:00+02:00',
  }),
  ticket({ id: 'q2', number: 'C001', queuedAt: '2027-03-29T09:05:00+02:00' }),
  ticket({
    id: 'q3',
    number: 'S002',
    serviceId: 'svc-spid',
    serviceName: { it: 'Riconoscimento SPID', en: 'SPID identity check' },
    priority: true,
    queuedAt: '2027-03-29T09:35:00+02:00',
    holderName: 'Giulia',
  }),
  ticket({ id: 'q4', number: 'C005', queuedAt: '2027-03-29T09:28:00+02:00' }),
  ticket({
    id: 'q5',
    number: 'R001',
    serviceId: 'svc-res',
    serviceName: { it: 'Cambio di residenza', en: 'Change of residence' },
    queuedAt: '2027-03-29T09:29:00+02:00',
  }),
  ticket({
    id: 'q6',
    number: 'C006',
    kind: 'APPOINTMENT',
    appointmentCode: 'CIE-BCDF23',
    appointmentStart: '2027-03-29T11:00:00+02:00',
    queuedAt: '2027-03-29T09:38:00+02:00',
  }),
];

describe('Desk (/staff/sportello)', () => {
  let api: Api;
  let desks: DeskDto[];
  let fixture: ComponentFixture<Desk>;
  let el: HTMLElement;
  const user = signal<StaffUserDto | null>(OPERATOR);

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    FakeEventSource.instances = [];
    user.set(OPERATOR);
    desks = DESKS.map((d) => ({ ...d }));
    api = {
      desks: jest.fn(() => Promise.resolve(desks.map((d) => ({ ...d })))),
      queue: jest.fn(() => Promise.resolve(QUEUE)),
      display: jest.fn(() => Promise.resolve(display())),
      callNext: jest.fn(() => Promise.resolve(CALLED)),
      call: jest.fn((deskId: string, ticketId: string) =>
        Promise.resolve({ ...QUEUE.find((t) => t.id === ticketId), status: 'CALLED', deskId, position: null }),
      ),
      recall: jest.fn(() => Promise.resolve(CALLED)),
      start: jest.fn(() => Promise.resolve({ ...CALLED, status: 'IN_SERVICE', startedAt: '2027-03-29T09:40:00+02:00' })),
      complete: jest.fn(() => Promise.resolve({ ...CALLED, status: 'DONE' })),
      noShow: jest.fn(() => Promise.resolve({ ...CALLED, status: 'NO_SHOW', undoUntil: '2027-03-29T09:40:10+02:00' })),
      undo: jest.fn(() => Promise.resolve(CALLED)),
      transfer: jest.fn(() => Promise.resolve({ ...CALLED, status: 'WAITING', serviceId: 'svc-res' })),
      pause: jest.fn((deskId: string, paused: boolean) => Promise.resolve({ ...desks.find((d) => d.id === deskId), paused })),
    };
    TestBed.configureTestingModule({
      providers: staffPageProviders(api, user),
    });
  });

  afterEach(() => {
    fixture?.destroy();
    el?.remove();
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(Desk);
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

  async function chooseDesk(id: string): Promise<void> {
    const select = $('#desk-select') as HTMLSelectElement;
    select.value = id;
    select.dispatchEvent(new Event('change'));
    await stable();
  }

  async function click(testId: string): Promise<void> {
    const button = $(`[data-testid="${testId}"]`) as HTMLButtonElement | null;
    expect(button).toBeTruthy();
    button?.click();
    await stable();
  }

  async function select(id: string, value: string): Promise<void> {
    const element = $(id) as HTMLSelectElement;
    element.value = value;
    element.dispatchEvent(new Event('change'));
    await stable();
  }

  it('lists the office’s desks with their services and remembers the chosen one', async () => {
    await render();
    expect(api.desks).toHaveBeenCalledWith('office-1');
    expect(text('h1')).toBe('Sportello');
    const options = [...el.querySelectorAll('#desk-select option')].map((o) => o.textContent?.trim());
    expect(options).toEqual([
      'Scegli lo sportello…',
      'Sportello 1 – Carta d’identità elettronica, Riconoscimento SPID, Cambio di residenza',
      'Sportello 2 – Carta d’identità elettronica, Riconoscimento SPID, Cambio di residenza',
      'Sportello 3 – Carta d’identità elettronica, Riconoscimento SPID',
    ]);
    expect($('[data-testid="desk-choose"]')).not.toBeNull();
    await chooseDesk('desk-3');
    expect(localStorage.getItem(DESK_CHOICE_KEY)).toBe('desk-3');
    expect(text('[data-testid="desk-call-next"]')).toBe('Chiama il prossimo');
  });

  it('shows the queue this desk may call, in calling order, with why each person is there', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-3');
    await render();
    const items = [...el.querySelectorAll('[data-testid="desk-queue"] li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    // Desk 3 does not serve RESIDENZA: R001 is not listed.
    expect(items).toEqual([
      'C004 Carta d’identità elettronica. Appuntamento ore 09:30',
      'C001 Carta d’identità elettronica. In attesa da 35 min – promosso',
      'S002 Riconoscimento SPID · Giulia. Precedenza – in attesa da 5 min',
      'C005 Carta d’identità elettronica. Senza appuntamento – in attesa da 12 min',
      'C006 Carta d’identità elettronica. Appuntamento ore 11:00 – in anticipo',
    ]);
    expect(text('#desk-queue-title')).toBe('In attesa (5)');
    expect(text('[data-testid="desk-waiting-count"]')).toBe('5 persone in attesa per questo sportello.');
  });

  it('calls the next person: the ticket with its details, the focus on it, a status message', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-2');
    await render();
    desks[1] = { ...desks[1], current: CALLED };
    await click('desk-call-next');
    expect(api.callNext).toHaveBeenCalledWith('desk-2');
    expect(text('[data-testid="desk-current-number"]')).toBe('C009');
    expect(text('#desk-current-title')).toBe('Numero chiamato');
    expect(text('[data-testid="desk-current-kind"]')).toBe('Senza appuntamento');
    expect(text('[data-testid="desk-status"]')).toBe('Chiamato il numero C009.');
    expect(document.activeElement?.id).toBe('desk-current-title');
    // Called, not started yet: start, recall and absent are offered.
    expect($('[data-testid="desk-start"]')).not.toBeNull();
    expect($('[data-testid="desk-recall"]')).not.toBeNull();
    expect($('[data-testid="desk-no-show"]')).not.toBeNull();
    // The refetch after the call asked again for desks and queue.
    expect(api.desks.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('says so when nobody waits (204)', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-1');
    api.callNext.mockResolvedValue(null);
    await render();
    await click('desk-call-next');
    expect(text('[data-testid="desk-status"]')).toBe('Nessuno in attesa per i servizi di questo sportello.');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('desk-call-next');
  });

  it('explains a 409 in words the operator can act on', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-1');
    api.callNext.mockRejectedValue(apiError(409, 'DESK_BUSY'));
    await render();
    await click('desk-call-next');
    expect(text('[data-testid="desk-error"]')).toContain('Questo sportello ha già un numero in corso');
    expect($('[data-testid="desk-error"]')?.getAttribute('role')).toBe('alert');
  });

  it('shows an appointment with code and time, the priority flag and the name', async () => {
    desks[0] = {
      ...desks[0],
      current: ticket({ ...CALLED, kind: 'APPOINTMENT', appointmentCode: 'CIE-7K3P9Q', appointmentStart: '2027-03-29T09:30:00+02:00', holderName: null }),
    };
    desks[1] = { ...desks[1], current: ticket({ ...CALLED, id: 't-8', priority: true, holderName: 'Anna Bianchi', status: 'IN_SERVICE' }) };
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-1');
    await render();
    expect(text('[data-testid="desk-current-kind"]')).toBe('Appuntamento CIE-7K3P9Q, ore 09:30');
    await chooseDesk('desk-2');
    expect(text('#desk-current-title')).toBe('In servizio');
    expect(text('[data-testid="desk-current-kind"]')).toBe('Senza appuntamento Precedenza');
    expect(text('[data-testid="desk-current"]')).toContain('Anna Bianchi');
    // In service: no recall, start or absent any more.
    expect($('[data-testid="desk-start"]')).toBeNull();
    expect($('[data-testid="desk-no-show"]')).toBeNull();
  });

  it('completes only with an outcome: the service’s outcomes and “Solo informazioni”', async () => {
    desks[1] = { ...desks[1], current: CALLED };
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-2');
    await render();
    const options = [...el.querySelectorAll('#desk-outcome option')].map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()]);
    expect(options).toEqual([
      ['', 'Scegli l’esito…'],
      ['CIE_REQUEST_TAKEN', 'Richiesta CIE acquisita'],
      ['CIE_DOCUMENTS_MISSING', 'Documenti mancanti'],
      ['INFO_ONLY', 'Solo informazioni'],
    ]);
    await click('desk-complete');
    expect(api.complete).not.toHaveBeenCalled();
    expect(text('#desk-outcome-error')).toBe('Scegli l’esito prima di concludere.');
    expect($('#desk-outcome')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('desk-outcome');

    desks[1] = { ...desks[1], current: null };
    await select('#desk-outcome', 'INFO_ONLY');
    await click('desk-complete');
    expect(api.complete).toHaveBeenCalledWith('desk-2', 'INFO_ONLY');
    expect(text('[data-testid="desk-status"]')).toBe('Numero C009 concluso.');
    expect($('[data-testid="desk-current"]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('desk-call-next');
  });

  it('recalls, starts, marks absent and transfers to another service', async () => {
    desks[1] = { ...desks[1], current: CALLED };
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-2');
    await render();
    await click('desk-recall');
    expect(api.recall).toHaveBeenCalledWith('desk-2');
    expect(text('[data-testid="desk-status"]')).toBe('Numero C009 richiamato.');
    await click('desk-start');
    expect(api.start).toHaveBeenCalledWith('desk-2');
    expect(text('[data-testid="desk-status"]')).toBe('Servizio iniziato per il numero C009.');
    expect(document.activeElement?.id).toBe('desk-current-title');

    // Transfer: every other service of the office.
    const targets = [...el.querySelectorAll('#desk-transfer option')].map((o) => o.textContent?.trim());
    expect(targets).toEqual(['Scegli il servizio…', 'Riconoscimento SPID', 'Cambio di residenza']);
    await click('desk-transfer-submit');
    expect(api.transfer).not.toHaveBeenCalled();
    expect(text('#desk-transfer-error')).toBe('Scegli il servizio a cui trasferire.');
    await select('#desk-transfer', 'svc-res');
    await click('desk-transfer-submit');
    expect(api.transfer).toHaveBeenCalledWith('desk-2', 'svc-res');
    expect(text('[data-testid="desk-status"]')).toContain('trasferito a Cambio di residenza');
  });

  it('marks a called person absent after a confirmation (the safe choice focused), then offers the undo', async () => {
    desks[1] = { ...desks[1], current: CALLED };
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-2');
    await render();
    await click('desk-no-show');
    expect(api.noShow).not.toHaveBeenCalled();
    const dialog = $('[data-testid="no-show-dialog"]') as HTMLDialogElement;
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(text('#no-show-title')).toBe('Segnare il numero C009 come assente?');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('no-show-cancel');
    await click('no-show-cancel');
    expect(api.noShow).not.toHaveBeenCalled();
    expect(text('#no-show-title')).toBe('');

    await click('desk-no-show');
    desks[1] = { ...desks[1], current: null };
    await click('no-show-confirm');
    expect(api.noShow).toHaveBeenCalledWith('desk-2');
    expect(text('[data-testid="desk-status"]')).toBe('Numero C009 segnato come assente.');
    expect(text('[data-testid="desk-undo"]')).toBe('Annulla: Annulla «Assente» per il numero C009');
    expect(text('[data-testid="desk-undo-left"]')).toBe('Ancora 10 secondi per annullare.');

    // Undo: the api takes the ticket back; it is this desk's current one again.
    desks[1] = { ...desks[1], current: CALLED };
    await click('desk-undo');
    expect(api.undo).toHaveBeenCalledWith('desk-2', 't-9');
    expect(text('[data-testid="desk-status"]')).toBe('Annullato: il numero C009 è di nuovo a questo sportello.');
    expect(text('[data-testid="desk-current-number"]')).toBe('C009');
    expect($('[data-testid="desk-undo"]')).toBeNull();
    expect(document.activeElement?.id).toBe('desk-current-title');
  });

  it('offers the undo of "Concludi" for 10 seconds only', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      desks[1] = { ...desks[1], current: { ...CALLED, status: 'IN_SERVICE' } };
      localStorage.setItem(DESK_CHOICE_KEY, 'desk-2');
      await render();
      await select('#desk-outcome', 'INFO_ONLY');
      desks[1] = { ...desks[1], current: null };
      await click('desk-complete');
      expect(text('[data-testid="desk-undo"]')).toContain('Annulla «Concludi» per il numero C009');
      jest.advanceTimersByTime(4_000);
      await stable();
      expect(text('[data-testid="desk-undo-left"]')).toBe('Ancora 6 secondi per annullare.');
      jest.advanceTimersByTime(6_500);
      await stable();
      expect($('[data-testid="desk-undo"]')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('the api refusing the undo (too late) says why and drops the button', async () => {
    desks[1] = { ...desks[1], current: CALLED };
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-2');
    api.undo.mockRejectedValue(apiError(409, 'UNDO_EXPIRED', 'Non si può più annullare.'));
    await render();
    await click('desk-no-show');
    desks[1] = { ...desks[1], current: null };
    await click('no-show-confirm');
    await click('desk-undo');
    expect(text('[data-testid="desk-error"]')).toBe('Non si può più annullare: sono passati 10 secondi, o lo sportello ha fatto altro nel frattempo.');
    expect($('[data-testid="desk-undo"]')).toBeNull();
  });

  it('"Chiama numero…": any waiting ticket of the office, a choice is needed, then it is called to this desk', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-3');
    await render();
    await click('desk-call-number');
    expect(document.activeElement?.id).toBe('desk-pick');
    const options = [...el.querySelectorAll('#desk-pick option')].map((o) => o.textContent?.trim());
    // The whole office's queue (desk 3 does not serve RESIDENZA, yet R001 is there).
    expect(options).toEqual([
      'Scegli il numero…',
      'C004 – Carta d’identità elettronica, in attesa da 20 min',
      'C001 – Carta d’identità elettronica, in attesa da 35 min',
      'S002 – Riconoscimento SPID, in attesa da 5 min',
      'C005 – Carta d’identità elettronica, in attesa da 12 min',
      'R001 – Cambio di residenza, in attesa da 11 min',
      'C006 – Carta d’identità elettronica, in attesa da 2 min',
    ]);
    await click('desk-pick-submit');
    expect(api.call).not.toHaveBeenCalled();
    expect(text('#desk-pick-error')).toBe('Scegli il numero da chiamare.');
    await select('#desk-pick', 'q5');
    desks[2] = { ...desks[2], current: { ...QUEUE[4], status: 'CALLED', deskId: 'desk-3' } };
    await click('desk-pick-submit');
    expect(api.call).toHaveBeenCalledWith('desk-3', 'q5');
    expect(text('[data-testid="desk-current-number"]')).toBe('R001');
    expect(text('[data-testid="desk-status"]')).toBe('Chiamato il numero R001.');
  });

  it('warns when the office is closed, and shows the office’s queue per service with the longest wait', async () => {
    api.display.mockResolvedValue(
      display({
        open: { open: false, reason: 'HOURS', closureReason: null, opensAt: '2027-03-29T14:30:00+02:00' },
        waits: [{ ...display().waits[0] }, { ...display().waits[1], desks: 0 }, display().waits[2]],
      }),
    );
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-1');
    await render();
    expect(text('[data-testid="desk-closed"]')).toBe(
      'Attenzione: l’ufficio è chiusoChiuso in questo momento: fuori orario. Riapre oggi alle 14:30. Puoi comunque chiamare e servire chi è già in attesa.',
    );
    const rows = [...el.querySelectorAll('[data-testid="desk-overview"] tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Carta d’identità elettronica (C)', '3', '35 min', '25 min', '3'],
      ['Riconoscimento SPID (S)', '0', '5 min', '—', 'nessuno'],
      ['Cambio di residenza (R)', '1', '11 min', '—', '2'],
    ]);
  });

  it('pauses and resumes: a paused desk cannot call', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-1');
    await render();
    desks[0] = { ...desks[0], paused: true };
    await click('desk-pause');
    expect(api.pause).toHaveBeenCalledWith('desk-1', true);
    expect(text('#desk-current-title')).toBe('Sportello in pausa');
    expect(($('[data-testid="desk-call-next"]') as HTMLButtonElement).disabled).toBe(true);
    expect(text('[data-testid="desk-pause"]')).toBe('Riprendi');
    desks[0] = { ...desks[0], paused: false };
    await click('desk-pause');
    expect(api.pause).toHaveBeenLastCalledWith('desk-1', false);
    expect(text('[data-testid="desk-status"]')).toBe('Sportello di nuovo attivo.');
  });

  it('refetches on the office’s live events and shows a discreet note while reconnecting', async () => {
    localStorage.setItem(DESK_CHOICE_KEY, 'desk-1');
    await render();
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/offices/office-1/events');
    const before = api.queue.mock.calls.length;
    source.emit('ticket', { type: 'ticket', officeId: 'office-1', ticketId: 'x', event: 'ISSUED' });
    await stable();
    expect(api.queue.mock.calls.length).toBeGreaterThan(before);
    source.fail();
    await stable();
    expect(text('[data-testid="live-status"]')).toBe('Aggiornamento in tempo reale interrotto: riconnessione…');
    source.emit('ready');
    await stable();
    expect(text('[data-testid="live-status"]')).toBe('');
  });

  it('works for the office chosen in the staff header, and follows the switch', async () => {
    user.set({ ...OPERATOR, role: 'manager', offices: [...OPERATOR.offices, { id: 'office-2', name: 'Anagrafe' }] });
    await render();
    expect($('#desk-office')).toBeNull();
    expect(api.desks).toHaveBeenLastCalledWith('office-1');
    TestBed.inject(OfficeChoice).choose('office-2');
    await stable();
    expect(api.desks).toHaveBeenLastCalledWith('office-2');
  });
});
