/** Shapes of the booking API (`/api/holds`, `/api/appointments`). */
import type * as z from 'zod';
import type { Language } from './calendar';
import type { CitizenInputSchema, CreateAppointmentRequestSchema, CreateHoldRequestSchema, RescheduleRequestSchema } from './schema/booking';

/** The body of POST /api/holds (its schema: `CreateHoldRequestSchema`). */
export type CreateHoldRequest = z.input<typeof CreateHoldRequestSchema>;

/** 429 HOLD_LIMIT_REACHED: when the first of this client's open holds runs out (also `Retry-After`). */
export interface HoldLimitBody {
  statusCode: 429;
  code: 'HOLD_LIMIT_REACHED';
  message: string;
  retryAt: string;
}

export interface HoldDto {
  holdId: string;
  /** ISO-8601 instant after which the slot is no longer kept. */
  expiresAt: string;
}

export type CitizenInput = z.input<typeof CitizenInputSchema>;

/** The body of POST /api/appointments; notes at most NOTES_MAX_LENGTH characters. */
export type CreateAppointmentRequest = z.input<typeof CreateAppointmentRequestSchema>;

export const NOTES_MAX_LENGTH = 200;

export type AppointmentStatusDto = 'BOOKED' | 'CANCELLED';

export interface AppointmentCreatedDto {
  code: string;
  start: string;
  end: string;
  officeId: string;
  serviceId: string;
  status: 'BOOKED';
  /** The citizen's private link to see, cancel or move the booking. */
  manageUrl: string;
  /** The last moment to cancel or move online (ISO instant); already past when booked inside the cutoff. */
  changeableUntil: string;
}

/**
 * Reconfirmation of attendance, where the office asks for it: NOT_REQUIRED (the office
 * does not ask), PENDING (not confirmed yet: the reminder asks; unconfirmed appointments
 * are released at `confirmBy`), CONFIRMED.
 */
export type AttendanceStatusDto = 'NOT_REQUIRED' | 'PENDING' | 'CONFIRMED';

export interface AttendanceDto {
  status: AttendanceStatusDto;
  /** PENDING: the deadline (ISO instant); null otherwise. */
  confirmBy: string | null;
  /** CONFIRMED: when (ISO instant); null otherwise. */
  confirmedAt: string | null;
}

/** What the manage link shows. */
export interface ManagedAppointmentDto {
  code: string;
  status: AppointmentStatusDto;
  start: string;
  end: string;
  timeZone: string;
  officeId: string;
  serviceId: string;
  serviceCode: string;
  serviceName: { it: string; en: string };
  officeName: string;
  officeAddress: string;
  officePhone: string | null;
  officeEmail: string | null;
  officeMapUrl: string;
  feeCents: number | null;
  feeNote: { it: string; en: string } | null;
  /** When the booking was made (ISO instant): "could be changed until" makes no sense before it. */
  bookedAt: string;
  citizen: { firstName: string; lastName: string; email: string };
  /** "Cosa serve": documents to bring, in the booking's language. */
  documents: string[];
  language: Language;
  /** Until when cancelling or moving is possible (ISO instant). */
  changeableUntil: string;
  canChange: boolean;
  attendance: AttendanceDto;
}

export type RescheduleRequest = z.input<typeof RescheduleRequestSchema>;

export interface SlotAlternativeDto {
  start: string;
  end: string;
}

/** 409 body when the slot is full: `code` is SLOT_UNAVAILABLE. */
export interface SlotUnavailableBody {
  statusCode: 409;
  code: 'SLOT_UNAVAILABLE';
  message: string;
  alternatives: SlotAlternativeDto[];
}
