/** Front desk: tickets, desks, the waiting-room display and the agenda. */
import type * as z from 'zod';
import type {
  AgendaEntryDtoSchema,
  DeskDtoSchema,
  DisplayCallDtoSchema,
  DisplayDtoSchema,
  OfficeEventDtoSchema,
  OpenStateDtoSchema,
  PublicTicketDtoSchema,
  ServiceOutcomeDtoSchema,
  TicketDtoSchema,
  TodayDtoSchema,
  TodayOfficeDtoSchema,
} from './schema/answers';

export const TICKET_STATUSES = ['WAITING', 'CALLED', 'IN_SERVICE', 'DONE', 'NO_SHOW', 'CANCELLED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** `REOPENED`: a no-show or a completion undone at the desk within `UNDO_SECONDS`. */
export const TICKET_EVENT_TYPES = [
  'ISSUED',
  'CHECKED_IN',
  'CALLED',
  'RECALLED',
  'STARTED',
  'COMPLETED',
  'NO_SHOW',
  'TRANSFERRED',
  'CANCELLED',
  'REOPENED',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export type TicketKind = 'APPOINTMENT' | 'WALK_IN';

/** A queue ticket as staff and the kiosk see it (the holder's name only for staff). */
export type TicketDto = z.infer<typeof TicketDtoSchema>;

/** How long "Assente" and "Concludi" can be undone at the desk. */
export const UNDO_SECONDS = 10;

/** Whether an office (or a service) is open now; when not, why and when it opens. */
export type OpenStateDto = z.infer<typeof OpenStateDtoSchema>;

/** What the public ticket page shows: no personal data. */
export type PublicTicketDto = z.infer<typeof PublicTicketDtoSchema>;

export type ServiceOutcomeDto = z.infer<typeof ServiceOutcomeDtoSchema>;

export type DeskDto = z.infer<typeof DeskDtoSchema>;

export type DisplayCallDto = z.infer<typeof DisplayCallDtoSchema>;

export type DisplayDto = z.infer<typeof DisplayDtoSchema>;

export const AGENDA_STATUSES = ['BOOKED', 'CHECKED_IN', 'CALLED', 'IN_SERVICE', 'DONE', 'NO_SHOW', 'CANCELLED'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export type AgendaEntryDto = z.infer<typeof AgendaEntryDtoSchema>;

/** `GET /api/staff/today`: today's numbers per office of the account (staff home). */
export type TodayOfficeDto = z.infer<typeof TodayOfficeDtoSchema>;

export type TodayDto = z.infer<typeof TodayDtoSchema>;

/** Server-Sent Event payloads: ids only, clients refetch what they show. */
export type OfficeEventDto = z.infer<typeof OfficeEventDtoSchema>;

/** The outcome every service has ("solo informazioni"), besides its own. */
export const INFO_ONLY = 'INFO_ONLY';
