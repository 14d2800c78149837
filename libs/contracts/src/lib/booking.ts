/** Shapes of the booking API (`/api/holds`, `/api/appointments`). */
import type {
  AppointmentCreatedDtoSchema,
  AttendanceDtoSchema,
  HoldDtoSchema,
  HoldLimitBodySchema,
  ManagedAppointmentDtoSchema,
  SlotAlternativeDtoSchema,
  SlotUnavailableBodySchema,
} from './schema/answers';
import type * as z from 'zod';
import type { CitizenInputSchema, CreateAppointmentRequestSchema, CreateHoldRequestSchema, RescheduleRequestSchema } from './schema/booking';

/** The body of POST /api/holds (its schema: `CreateHoldRequestSchema`). */
export type CreateHoldRequest = z.input<typeof CreateHoldRequestSchema>;

/** 429 HOLD_LIMIT_REACHED: when the first of this client's open holds runs out (also `Retry-After`). */
export type HoldLimitBody = z.infer<typeof HoldLimitBodySchema>;

export type HoldDto = z.infer<typeof HoldDtoSchema>;

export type CitizenInput = z.input<typeof CitizenInputSchema>;

/** The body of POST /api/appointments; notes at most NOTES_MAX_LENGTH characters. */
export type CreateAppointmentRequest = z.input<typeof CreateAppointmentRequestSchema>;

export const NOTES_MAX_LENGTH = 200;

export type AppointmentStatusDto = 'BOOKED' | 'CANCELLED';

export type AppointmentCreatedDto = z.infer<typeof AppointmentCreatedDtoSchema>;

/**
 * Reconfirmation of attendance, where the office asks for it: NOT_REQUIRED (the office
 * does not ask), PENDING (not confirmed yet: the reminder asks; unconfirmed appointments
 * are released at `confirmBy`), CONFIRMED.
 */
export type AttendanceStatusDto = 'NOT_REQUIRED' | 'PENDING' | 'CONFIRMED';

export type AttendanceDto = z.infer<typeof AttendanceDtoSchema>;

/** What the manage link shows. */
export type ManagedAppointmentDto = z.infer<typeof ManagedAppointmentDtoSchema>;

export type RescheduleRequest = z.input<typeof RescheduleRequestSchema>;

export type SlotAlternativeDto = z.infer<typeof SlotAlternativeDtoSchema>;

/** 409 body when the slot is full: `code` is SLOT_UNAVAILABLE. */
export type SlotUnavailableBody = z.infer<typeof SlotUnavailableBodySchema>;
