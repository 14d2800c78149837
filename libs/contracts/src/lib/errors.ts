/** The JSON body of every 4xx/5xx answer of the api. */
import type * as z from 'zod';
import type { ApiErrorBodySchema, FieldErrorSchema } from './schema/answers';
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'SLOT_UNAVAILABLE',
  'CHECK_IN_TOO_EARLY',
  'CHECK_IN_TOO_LATE',
  'CHECK_IN_WRONG_DAY',
  'APPOINTMENT_CANCELLED',
  'DESK_BUSY',
  'DESK_PAUSED',
  'NO_CURRENT_TICKET',
  'TICKET_STATE',
  'CONFIRMATION_REQUIRED',
  'SERVICE_UNAVAILABLE',
  'IN_USE',
  'LIMIT_REACHED',
  'HOLD_LIMIT_REACHED',
  'CHANGE_CLOSED',
  'IDEMPOTENCY_KEY_REUSED',
  'SLOTS_AVAILABLE',
  'TOO_MANY_REQUESTS',
  'CONFLICT',
  'UNAUTHORIZED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'CSRF_TOKEN_INVALID',
  'UNSUPPORTED_MEDIA_TYPE',
  'FORBIDDEN',
  'FORBIDDEN_OFFICE',
  // The front desk's day (issue 13).
  'OFFICE_CLOSED',
  'SERVICE_NOT_SERVED',
  'UNDO_EXPIRED',
  'INTERNAL_ERROR',
  'METHOD_NOT_ALLOWED',
  'CHALLENGE_REQUIRED',
  'CHALLENGE_INVALID',
  // Citizens' sign-in with SPID/CIE (issue 15).
  'SIGN_IN_REQUIRED',
  'SIGN_IN_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
