import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@sportello/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';
import { isDatabaseUnavailable } from './database-errors';
import { languageFromHeader } from './language';
import { translate } from './messages';
import { allowedMethods } from './allowed-methods';

/** Turns every error into the documented JSON body; never leaks internals. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendApiError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}

const logger = new Logger('Http');

/** Answers with the documented error body; also for requests Fastify refuses before routing them. */
export function sendApiError(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const language = languageFromHeader(request.headers['accept-language']);
  const status = exception instanceof HttpException ? exception.getStatus() : clientErrorStatus(exception);
  let body: ApiErrorBody & Record<string, unknown>;

  if (exception instanceof ApiError) {
    for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
    body = {
      statusCode: exception.statusCode,
      code: exception.code,
      message: translate(exception.key, language, exception.params),
      ...(exception.fieldProblems.length > 0 && {
        errors: exception.fieldProblems.map((p) => ({ field: p.field, message: translate(p.key, language, p.params) })),
      }),
      ...exception.extra,
    };
  } else if (status === 404 && request.is404 && allowedMethods(request.url).length > 0) {
    // A known path, another method (PATCH, TRACE…): 405 with the methods it answers.
    reply.header('Allow', allowedMethods(request.url).join(', '));
    body = { statusCode: 405, code: 'METHOD_NOT_ALLOWED', message: translate('method.notAllowed', language) };
  } else if (status !== undefined) {
    body = {
      statusCode: status,
      code: codeForStatus(status),
      message: translate(status === 404 ? 'route.notFound' : status === 429 ? 'throttled' : status < 500 ? 'badRequest' : 'internal', language),
    };
  } else if (isDatabaseUnavailable(exception)) {
    // PostgreSQL is down or restarting: a retryable answer, not an internal error.
    logger.warn(`${request.method} ${routeOf(request)}: database unavailable`);
    reply.header('Retry-After', '5');
    body = { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: translate('unavailable', language) };
  } else {
    // Log the route pattern, never the actual path or query: they can carry manage
    // tokens or personal data.
    logger.error(`${request.method} ${routeOf(request)} failed`, exception instanceof Error ? exception.stack : String(exception));
    body = { statusCode: 500, code: 'INTERNAL_ERROR', message: translate('internal', language) };
  }
  // JSON even where the handler had set another type (a CSV download, say).
  reply.code(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').send(body);
}

/**
 * The 4xx status of an error from Fastify or one of its plugins (a malformed URL, a body
 * too large, an unknown Content-Encoding), as Express's body parsers reported them.
 */
function clientErrorStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return exception instanceof Error && typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** The route pattern (/api/appointments/manage/:token), not the path; none for unknown paths. */
function routeOf(request: FastifyRequest): string {
  return request.is404 ? '(no route)' : (request.routeOptions.url ?? '(no route)');
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
