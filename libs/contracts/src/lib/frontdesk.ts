/** Front desk: tickets, desks, the waiting-room display and the agenda. */

export const TICKET_STATUSES = ['WAITING', 'CALLED', 'IN_SERVICE', 'DONE', 'NO_SHOW', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_EVENT_TYPES = ['ISSUED', 'CHECKED_IN', 'CALLED', 'RECALLED', 'STARTED', 'COMPLETED', 'NO_SHOW', 'TRANSFERRED', 'CANCELLED'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export type TicketKind = 'APPOINTMENT' | 'WALK_IN';

/** A queue ticket as staff and the kiosk see it (the holder's name only for staff). */
export interface TicketDto {
  id: string;
  officeId: string;
  serviceId: string;
  serviceName: { it: string; en: string };
  number: string;
  kind: TicketKind;
  priority: boolean;
  /** The name given for a walk-in ticket (optional); staff answers only, never public. */
  holderName: string | null;
  status: TicketStatus;
  queuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  deskId: string | null;
  deskName: string | null;
  /** Booking code for appointments. */
  appointmentCode: string | null;
  appointmentStart: string | null;
  /** People before this one for its service (0 = next); null once called. */
  position: number | null;
  estimatedWaitMinutes: number | null;
  /** Public page with the live position (the printed ticket's QR). */
  publicUrl: string;
}

/** What the public ticket page shows: no personal data. */
export interface PublicTicketDto {
  id: string;
  officeId: string;
  officeName: string;
  number: string;
  serviceName: { it: string; en: string };
  status: TicketStatus;
  position: number | null;
  estimatedWaitMinutes: number | null;
  deskName: string | null;
  queuedAt: string;
}

export interface ServiceOutcomeDto {
  code: string;
  label: { it: string; en: string };
}

export interface DeskDto {
  id: string;
  officeId: string;
  number: number;
  name: string;
  paused: boolean;
  services: Array<{ id: string; name: { it: string; en: string }; ticketPrefix: string; outcomes: ServiceOutcomeDto[] }>;
  /** The ticket called or in service at this desk. */
  current: TicketDto | null;
  /** How many people wait for this desk's services. */
  waiting: number;
}

export interface DisplayCallDto {
  /** Event id: the display speaks each call (and recall) once. */
  eventId: string;
  ticketId: string;
  number: string;
  deskName: string;
  at: string;
  recall: boolean;
}

export interface DisplayDto {
  officeId: string;
  officeName: string;
  /** Tickets called and not yet in service: shown large. */
  current: DisplayCallDto[];
  /** The last five calls, newest first. */
  recent: DisplayCallDto[];
  waits: Array<{ serviceId: string; name: { it: string; en: string }; ticketPrefix: string; waiting: number; estimatedWaitMinutes: number | null }>;
  rules: { toleranceMinutes: number; maxWaitMinutes: number };
}

export const AGENDA_STATUSES = ['BOOKED', 'CHECKED_IN', 'CALLED', 'IN_SERVICE', 'DONE', 'NO_SHOW', 'CANCELLED'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export interface AgendaEntryDto {
  appointmentId: string;
  code: string;
  start: string;
  end: string;
  serviceId: string;
  serviceName: { it: string; en: string };
  citizenName: string;
  fiscalCode: string;
  status: AgendaStatus;
  ticketId: string | null;
  ticketNumber: string | null;
}

/** Server-Sent Event payloads: ids only, clients refetch what they show. */
export interface OfficeEventDto {
  type: 'ticket' | 'desk' | 'resync';
  officeId: string;
  ticketId?: string;
  deskId?: string;
  event?: TicketEventType;
}
