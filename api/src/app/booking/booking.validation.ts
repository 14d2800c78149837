import type { CreateAppointmentRequestSchema, CreateHoldRequestSchema } from '@sportello/contracts/schemas';
import type * as z from 'zod';

/** A validated booking request: instants parsed, codice fiscale normalised (schema: CreateAppointmentRequestSchema). */
export type BookingInput = z.output<typeof CreateAppointmentRequestSchema>;

export type HoldInput = z.output<typeof CreateHoldRequestSchema>;
