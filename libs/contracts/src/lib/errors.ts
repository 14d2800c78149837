/** The JSON body of every 4xx/5xx answer of the api. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'SLOT_UNAVAILABLE',
  'LIMIT_REACHED',
  'HOLD_LIMIT_REACHED',
  'CHANGE_CLOSED',
  'IDEMPOTENCY_KEY_REUSED',
  'SLOTS_AVAILABLE',
  'TOO_MANY_REQUESTS',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
