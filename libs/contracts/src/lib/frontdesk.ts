/** Front desk: tickets, desks, the waiting-room display and the agenda. */

export const TICKET_STATUSES = ['WAITING', 'CALLED', 'IN_SERVICE', 'DONE', 'NO_SHOW', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** `REOPENED`: a no-show or a completion undone at the desk within `UNDO_SECONDS`. */
export const TICKET_EVENT_TYPES = ['ISSUED', 'CHECKED_IN', 'CALLED', 'RECALLED', 'STARTED', 'COMPLETED', 'NO_SHOW', 'TRANSFERRED', 'CANCELLED', 'REOPENED'] as const;
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
  /**
   * In the answer to "Assente" and "Concludi": until when `POST /api/desks/{id}/undo`
   * takes the ticket back (`UNDO_SECONDS` after the action). Absent elsewhere.
   */
  undoUntil?: string;
}

/** How long "Assente" and "Concludi" can be undone at the desk. */
export const UNDO_SECONDS = 10;

/** Whether an office (or a service) is open now; when not, why and when it opens. */
export type OpenStateDto =
  | { open: true; closesAt: string }
  | { open: false; reason: 'HOURS' | 'HOLIDAY' | 'CLOSURE'; closureReason: string | null; opensAt: string | null };

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
  /**
   * Per service: people waiting and the estimate; whether it is open now (its own hours
   * and closures); how many active desks serve it — a service no desk serves takes no
   * walk-ins, since nobody would ever call them.
   */
  waits: Array<{ serviceId: string; name: { it: string; en: string }; ticketPrefix: string; waiting: number; estimatedWaitMinutes: number | null; open: boolean; desks: number }>;
  rules: { toleranceMinutes: number; maxWaitMinutes: number };
  /** The office now: outside its hours, on a holiday or in a closure the kiosk gives no walk-in ticket. */
  open: OpenStateDto;
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
  /** The phone number the citizen gave at booking, if any. */
  phone: string | null;
  status: AgendaStatus;
  ticketId: string | null;
  ticketNumber: string | null;
}

/** `GET /api/staff/today`: today's numbers per office of the account (staff home). */
export interface TodayOfficeDto {
  officeId: string;
  officeName: string;
  /** Local date YYYY-MM-DD in the office's zone. */
  date: string;
  /** Appointments of the day, not cancelled. */
  booked: number;
  /** People who joined the queue today: checked-in appointments and walk-in tickets. */
  arrived: number;
  /** Of those, walk-in tickets. */
  walkIns: number;
  /** Waiting now. */
  waiting: number;
  /** Served (completed) today. */
  served: number;
  open: OpenStateDto;
}

export interface TodayDto {
  offices: TodayOfficeDto[];
}

/** Server-Sent Event payloads: ids only, clients refetch what they show. */
export interface OfficeEventDto {
  type: 'ticket' | 'desk' | 'resync';
  officeId: string;
  ticketId?: string;
  deskId?: string;
  event?: TicketEventType;
}
