import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@sportello/contracts';
import type { Request, Response } from 'express';
import { ApiError } from './api-error';
import { isDatabaseUnavailable } from './database-errors';
import { languageFromHeader } from './language';
import { translate } from './messages';

/** Turns every error into the documented JSON body; never leaks internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = languageFromHeader(request.headers['accept-language']);
    let body: ApiErrorBody & Record<string, unknown>;

    if (exception instanceof ApiError) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
      body = {
        statusCode: exception.statusCode,
        code: exception.code,
        message: translate(exception.key, language, exception.params),
        ...(exception.fieldProblems.length > 0 && {
          errors: exception.fieldProblems.map((p) => ({ field: p.field, message: translate(p.key, language, p.params) })),
        }),
        ...exception.extra,
      };
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      body = {
        statusCode: status,
        code: codeForStatus(status),
        message: translate(status === 404 ? 'route.notFound' : status === 429 ? 'throttled' : status < 500 ? 'badRequest' : 'internal', language),
      };
    } else if (isDatabaseUnavailable(exception)) {
      // PostgreSQL is down or restarting: a retryable answer, not an internal error.
      this.logger.warn(`${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '(no route)'}: database unavailable`);
      response.setHeader('Retry-After', '5');
      body = { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: translate('unavailable', language) };
    } else {
      // Log the route pattern, never the actual path or query: they can carry manage
      // tokens or personal data.
      const route = (request.route as { path?: string } | undefined)?.path ?? '(no route)';
      this.logger.error(`${request.method} ${route} failed`, exception instanceof Error ? exception.stack : String(exception));
      body = { statusCode: 500, code: 'INTERNAL_ERROR', message: translate('internal', language) };
    }
    response.status(body.statusCode).json(body);
  }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL_ERROR';
  }
}

