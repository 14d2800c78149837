import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ErrorCode, FieldError } from '@sportello/contracts';

/** Why a call to the api failed, as the pages need it. */
export interface ApiFailure {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The api's error code when it answered with an ApiErrorBody. */
  code: ErrorCode | null;
  /** The api's message (already localized by Accept-Language), when there is one. */
  message: string | null;
  fieldErrors: FieldError[];
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiErrorBody>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

export function toApiFailure(error: unknown): ApiFailure {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isApiErrorBody(body)) {
      return {
        status: error.status,
        code: body.code,
        message: body.message,
        fieldErrors: Array.isArray(body.errors) ? body.errors : [],
      };
    }
    return { status: error.status, code: null, message: null, fieldErrors: [] };
  }
  return { status: -1, code: null, message: null, fieldErrors: [] };
}

/** The sentence to show for a failure: the api's own (localized) message, else a generic one. */
export function failureMessage(
  failure: ApiFailure,
  t: (key: 'error.network' | 'error.generic') => string,
): string {
  if (failure.message) return failure.message;
  const unreachable = failure.status === 0 || failure.status === 502 || failure.status === 503 || failure.status === 504;
  return unreachable ? t('error.network') : t('error.generic');
}
