/** Shapes of the citizens' sign-in with SPID/CIE (`/api/citizen/*`), `/api/appointments/recover` and `/api/config`. */
import type * as z from 'zod';
import type { CitizenAppointmentDtoSchema, CitizenDtoSchema, PublicConfigDtoSchema, RecoverAcceptedDtoSchema, RecoverRequestSchema } from './schema/citizen';

export type CitizenDto = z.infer<typeof CitizenDtoSchema>;
export type CitizenAppointmentDto = z.infer<typeof CitizenAppointmentDtoSchema>;
export type RecoverRequest = z.input<typeof RecoverRequestSchema>;
export type RecoverAcceptedDto = z.infer<typeof RecoverAcceptedDtoSchema>;
export type PublicConfigDto = z.infer<typeof PublicConfigDtoSchema>;
