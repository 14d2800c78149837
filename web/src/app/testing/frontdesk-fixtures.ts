import { HttpErrorResponse } from '@angular/common/http';
import type { AgendaEntryDto, DeskDto, DisplayDto, PublicNoticeDto, PublicNoticesDto, PublicTicketDto, StaffUserDto, TicketDto } from '@sportello/contracts';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideRouter } from '@angular/router';
import { CLOCK } from '../core/clock';
import { StaffAuth } from '../core/auth/staff-auth';
import { FrontDeskApi } from '../features/frontdesk/shared/frontdesk-api';
import { EVENT_SOURCE_FACTORY, EventSourceLike } from '../features/frontdesk/shared/office-events';

/** Front-desk data shaped like the api's answers, for unit tests: Monday 29 March 2027, 09:40 in Rome. */
export const FD_NOW = new Date('2027-03-29T09:40:00+02:00');
export const FD_OFFICE_ID = 'office-1';

export const OPERATOR: StaffUserDto = {
  id: 'u1',
  username: 'operatore',
  displayName: 'Operatore URP',
  role: 'operator',
  offices: [{ id: FD_OFFICE_ID, name: 'URP Calderara di Reno' }],
};

export const KIOSK_USER: StaffUserDto = { ...OPERATOR, id: 'u4', username: 'totem', displayName: 'Totem', role: 'kiosk' };

const CIE_OUTCOMES = [
  { code: 'CIE_REQUEST_TAKEN', label: { it: 'Richiesta CIE acquisita', en: 'CIE request taken' } },
  { code: 'CIE_DOCUMENTS_MISSING', label: { it: 'Documenti mancanti', en: 'Documents missing' } },
];

export const SERVICE_CIE = {
  id: 'svc-cie',
  name: { it: 'Carta d’identità elettronica', en: 'Electronic identity card' },
  ticketPrefix: 'C',
  outcomes: CIE_OUTCOMES,
};
export const SERVICE_SPID = { id: 'svc-spid', name: { it: 'Riconoscimento SPID', en: 'SPID identity check' }, ticketPrefix: 'S', outcomes: [] };
export const SERVICE_RES = { id: 'svc-res', name: { it: 'Cambio di residenza', en: 'Change of residence' }, ticketPrefix: 'R', outcomes: [] };

export function ticket(overrides: Partial<TicketDto> = {}): TicketDto {
  return {
    id: 't-1',
    officeId: FD_OFFICE_ID,
    serviceId: SERVICE_CIE.id,
    serviceName: SERVICE_CIE.name,
    number: 'C012',
    kind: 'WALK_IN',
    priority: false,
    holderName: null,
    status: 'WAITING',
    queuedAt: '2027-03-29T09:30:00+02:00',
    calledAt: null,
    startedAt: null,
    deskId: null,
    deskName: null,
    appointmentCode: null,
    appointmentStart: null,
    position: 2,
    estimatedWaitMinutes: 20,
    publicUrl: 'http://localhost:3000/biglietto/t-1',
    ...overrides,
  };
}

export function desk(overrides: Partial<DeskDto> = {}): DeskDto {
  return {
    id: 'desk-1',
    officeId: FD_OFFICE_ID,
    number: 1,
    name: 'Sportello 1',
    paused: false,
    services: [SERVICE_CIE, SERVICE_SPID, SERVICE_RES],
    current: null,
    waiting: 0,
    ...overrides,
  };
}

export const DESKS: DeskDto[] = [
  desk(),
  desk({ id: 'desk-2', number: 2, name: 'Sportello 2' }),
  desk({ id: 'desk-3', number: 3, name: 'Sportello 3', services: [SERVICE_CIE, SERVICE_SPID] }),
];

export function display(overrides: Partial<DisplayDto> = {}): DisplayDto {
  return {
    officeId: FD_OFFICE_ID,
    officeName: 'URP Calderara di Reno',
    current: [],
    recent: [],
    waits: [
      { serviceId: SERVICE_CIE.id, name: SERVICE_CIE.name, ticketPrefix: 'C', waiting: 3, estimatedWaitMinutes: 25, open: true, desks: 3 },
      { serviceId: SERVICE_SPID.id, name: SERVICE_SPID.name, ticketPrefix: 'S', waiting: 0, estimatedWaitMinutes: 0, open: true, desks: 3 },
      { serviceId: SERVICE_RES.id, name: SERVICE_RES.name, ticketPrefix: 'R', waiting: 1, estimatedWaitMinutes: null, open: true, desks: 2 },
    ],
    rules: { toleranceMinutes: 10, maxWaitMinutes: 30 },
    open: { open: true, closesAt: '2027-03-29T12:30:00+02:00' },
    ...overrides,
  };
}

export function agendaEntry(overrides: Partial<AgendaEntryDto> = {}): AgendaEntryDto {
  return {
    appointmentId: 'a-1',
    code: 'CIE-7K3P9Q',
    start: '2027-03-29T09:30:00+02:00',
    end: '2027-03-29T10:00:00+02:00',
    serviceId: SERVICE_CIE.id,
    serviceName: SERVICE_CIE.name,
    citizenName: 'Mario Rossi',
    fiscalCode: 'RSSMRA80A01A944I',
    phone: null,
    status: 'BOOKED',
    ticketId: null,
    ticketNumber: null,
    ...overrides,
  };
}

export function publicTicket(overrides: Partial<PublicTicketDto> = {}): PublicTicketDto {
  return {
    id: 't-1',
    officeId: FD_OFFICE_ID,
    officeName: 'URP Calderara di Reno',
    number: 'C012',
    serviceName: SERVICE_CIE.name,
    status: 'WAITING',
    position: 3,
    estimatedWaitMinutes: 25,
    deskName: null,
    queuedAt: '2027-03-29T09:30:00+02:00',
    ...overrides,
  };
}

/** An api refusal as HttpClient reports it. */
export function apiError(status: number, code: string, message = `error ${code}`): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, code, message } });
}

/** A Server-Sent Events stream driven by the test. */
export class FakeEventSource implements EventSourceLike {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, Array<(event: MessageEvent) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  static latest(): FakeEventSource {
    const source = FakeEventSource.instances[FakeEventSource.instances.length - 1];
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, data: unknown = {}): void {
    if (type === 'ready') this.readyState = 1;
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }

  fail(readyState: 0 | 2 = 0): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
}

/** Providers' value for EVENT_SOURCE_FACTORY: fake streams. */
export const fakeEventSources = (url: string) => new FakeEventSource(url);

/** A staff front-desk page under test: the mocked api, the user signed in, the fixed clock and fake event streams. */
export function staffPageProviders(api: object, user: unknown): Array<Provider | EnvironmentProviders> {
  return [
    provideRouter([]),
    { provide: FrontDeskApi, useValue: api },
    { provide: StaffAuth, useValue: { user } },
    { provide: CLOCK, useValue: () => FD_NOW },
    { provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources },
  ];
}

/** A notice showing now (an INFO notice from an hour ago to an hour from FD_NOW, unless overridden). */
export function notice(overrides: Partial<PublicNoticeDto> = {}): PublicNoticeDto {
  return {
    id: 'n-1',
    kind: 'NOTICE',
    priority: 'INFO',
    text: { it: 'Martedì si apre alle 10.', en: 'On Tuesday we open at 10.' },
    start: new Date(FD_NOW.getTime() - 3_600_000).toISOString(),
    end: new Date(FD_NOW.getTime() + 3_600_000).toISOString(),
    service: null,
    ...overrides,
  };
}

export function noticesAnswer(notices: PublicNoticeDto[], nextChangeAt: string | null = null): PublicNoticesDto {
  return { officeId: FD_OFFICE_ID, notices, nextChangeAt };
}
