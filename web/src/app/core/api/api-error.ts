import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody, ErrorCode, FieldError, SlotAlternativeDto } from '@sportello/contracts';

/** Why a call to the api failed, as the pages need it. */
export interface ApiFailure {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The api's error code when it answered with an ApiErrorBody. */
  code: ErrorCode | null;
  /** The api's message (already localized by Accept-Language), when there is one. */
  message: string | null;
  fieldErrors: FieldError[];
  /** Free times near a full one (409 SLOT_UNAVAILABLE); empty otherwise. */
  alternatives: SlotAlternativeDto[];
  /** 429 HOLD_LIMIT_REACHED: when the first open hold of this client runs out (ISO instant). */
  retryAt?: string;
}

export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiErrorBody>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

function alternativesOf(body: unknown): SlotAlternativeDto[] {
  const list = (body as { alternatives?: unknown }).alternatives;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is SlotAlternativeDto =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as SlotAlternativeDto).start === 'string' &&
      typeof (item as SlotAlternativeDto).end === 'string',
  );
}

function retryAtOf(body: unknown): { retryAt?: string } {
  const retryAt = (body as { retryAt?: unknown }).retryAt;
  return typeof retryAt === 'string' ? { retryAt } : {};
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
        alternatives: alternativesOf(body),
        ...retryAtOf(body),
      };
    }
    return { status: error.status, code: null, message: null, fieldErrors: [], alternatives: [] };
  }
  return { status: -1, code: null, message: null, fieldErrors: [], alternatives: [] };
}

/**
 * The request may not have reached the api, or its answer was lost (no connection, a
 * proxy's 502/503/504): it is safe — and needed — to try again with the same request.
 */
export function isNetworkFailure(failure: ApiFailure): boolean {
  if (failure.code !== null) return false;
  return failure.status === 0 || failure.status === 502 || failure.status === 503 || failure.status === 504;
}

/** The sentence to show for a failure: the api's own (localized) message, else a generic one. */
export function failureMessage(failure: ApiFailure, t: (key: 'error.network' | 'error.generic') => string): string {
  if (failure.message) return failure.message;
  return isNetworkFailure(failure) ? t('error.network') : t('error.generic');
}
