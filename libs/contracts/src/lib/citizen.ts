/** Shapes of the citizens' sign-in with SPID/CIE (`/api/citizen/*`), `/api/appointments/recover` and `/api/config`. */
import type * as z from 'zod';
import type { CitizenAppointmentDtoSchema, CitizenDtoSchema, PublicConfigDtoSchema, RecoverAcceptedDtoSchema, RecoverRequestSchema } from './schema/citizen';

export type CitizenDto = z.infer<typeof CitizenDtoSchema>;
export type CitizenAppointmentDto = z.infer<typeof CitizenAppointmentDtoSchema>;
export type RecoverRequest = z.input<typeof RecoverRequestSchema>;
export type RecoverAcceptedDto = z.infer<typeof RecoverAcceptedDtoSchema>;
export type PublicConfigDto = z.infer<typeof PublicConfigDtoSchema>;

/** The signed-in citizen's readable CSRF cookie: its value goes back as the X-XSRF-TOKEN header on citizen writes. */
export const CITIZEN_XSRF_COOKIE = 'CITIZEN-XSRF-TOKEN';
/** POST /api/citizen/logout: the provider's RP-initiated logout URL, when it offers one (open it to sign out there too). */
export const END_SESSION_HEADER = 'X-End-Session-Url';
