import type { ErrorCode } from '@sportello/contracts';
import type { MessageKey } from './messages';

export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * An error meant for the client: status, stable code and a message key that the
 * exception filter translates into the caller's language.
 */
export class ApiError extends Error {
  /** Response headers to send with the error (e.g. `Retry-After`). */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly fieldProblems: FieldProblem[] = [],
    readonly params: Record<string, string | number> = {},
    /** Extra members of the JSON body (e.g. `alternatives`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(key);
  }

  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }

  static validation(problems: FieldProblem[]): ApiError {
    return new ApiError(400, 'VALIDATION_FAILED', 'validation.failed', problems);
  }

  static notFound(key: MessageKey, field?: string): ApiError {
    return new ApiError(404, 'NOT_FOUND', key, field ? [{ field, key }] : []);
  }
}
