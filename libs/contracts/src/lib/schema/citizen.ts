/** Citizens signed in with SPID/CIE (`/api/citizen/*`), the recovery of a lost booking and the public configuration. */
import * as z from 'zod';
import { AttendanceDtoSchema } from './answers';
import { fiscalCode } from './booking';
import { body, email } from './fields';

/** GET /api/citizen/login: where to go back after the sign-in; anything but a same-origin path is `/`. */
export const CitizenLoginQuerySchema = z
  .object({
    returnTo: z
      .string()
      .max(500)
      .optional()
      .meta({ description: 'A same-origin path (e.g. /prenota/CIE); anything else is /', example: '/le-mie-prenotazioni' }),
  })
  .meta({ id: 'CitizenLoginQuery' });

/** GET /api/citizen/callback: the provider's authorisation response (RFC 6749 §4.1.2, RFC 9207 `iss`). */
export const CitizenCallbackQuerySchema = z
  .object({ code: z.string().optional(), state: z.string().optional(), iss: z.string().optional(), error: z.string().optional() })
  .meta({ id: 'CitizenCallbackQuery' });

export const CitizenDtoSchema = z
  .object({
    fiscalCode: z.string().meta({ description: 'As the identity provider gave it, without TINIT-' }),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable().meta({ description: 'null when the provider gave none' }),
  })
  .meta({ id: 'CitizenDto' });

export const CitizenAppointmentDtoSchema = z
  .object({
    code: z.string(),
    start: z.string(),
    end: z.string(),
    officeId: z.string(),
    serviceId: z.string(),
    status: z.enum(['BOOKED', 'CANCELLED']),
    attendance: AttendanceDtoSchema,
    // What "Le mie prenotazioni" shows without one request per booking.
    timeZone: z.string().meta({ description: "The office's IANA time zone (start and end are local times in it)" }),
    serviceCode: z.string(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    officeName: z.string(),
    canChange: z.boolean().meta({ description: 'BOOKED, and before the cancel cut-off (CANCEL_CUTOFF_HOURS): cancel and move are open' }),
  })
  .meta({ id: 'CitizenAppointmentDto' });

export const CitizenAppointmentListSchema = z.array(CitizenAppointmentDtoSchema).meta({ id: 'CitizenAppointmentList' });

export const RecoverRequestSchema = body({ fiscalCode: fiscalCode(), email: email() }).meta({ id: 'RecoverRequest' });

export const RecoverAcceptedDtoSchema = z.object({ message: z.string() }).meta({ id: 'RecoverAcceptedDto' });

/** GET /api/config: what the web shows before anything else (the sign-in buttons). */
export const PublicConfigDtoSchema = z
  .object({
    signIn: z.object({
      available: z.boolean().meta({ description: 'OIDC_ISSUER is set: offer "Entra con SPID" / "Entra con CIE"' }),
      providerName: z.string().nullable().meta({ description: 'OIDC_PROVIDER_NAME, the label of the button; null without sign-in' }),
      loginUrl: z.string().nullable().meta({ description: '/api/citizen/login (add ?returnTo=/path); null without sign-in' }),
    }),
    channels: z.object({
      io: z.boolean().meta({ description: 'App IO is configured (IO_API_KEY, an office key, or the demo): the booking form offers "Ricevi anche su App IO"' }),
    }),
  })
  .meta({ id: 'PublicConfigDto' });
