// Which errors mean that PostgreSQL is unreachable right now (answered 503, not 500).
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** Errors that mean "no database right now" (refused, dropped, shutting down, starting up). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown } | undefined;
  if (!e || depth > 4) return false;
  if (typeof e.code === 'string' && CONNECTION_ERRORS.has(e.code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  // TypeORM's rollback (or next statement) after the connection under a transaction dropped:
  // the runner was released with the broken connection, and this error replaces the original
  // one. Both names occur, depending on where the transaction was when the connection went.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return inner.some((x) => x !== undefined && isDatabaseUnavailable(x, depth + 1));
}

const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|terminating connection|the database system is|ECONNREFUSED|ECONNRESET/i;
