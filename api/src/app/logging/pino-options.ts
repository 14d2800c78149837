import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { DestinationStream, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { scrub } from './scrub';
import { LogFormat, LogLevel, LogSettings, REDACTED_FIELDS } from './settings';

const REDACT_DEPTH = 4;
export const REDACTED = '[redacted]';

/** pino's redaction paths for these field names: `name`, `*.name`, `*.*.name`, … */
export function redactPaths(fields: string[]): string[] {
  const paths: string[] = [];
  for (const field of new Set(fields)) {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    for (let depth = 0; depth < REDACT_DEPTH; depth++) paths.push(`${'*.'.repeat(depth)}${key}`.replace(/\.\[/g, '['));
  }
  return paths;
}

const PINO_LEVEL: Record<LogLevel, pino.Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** The pino options every line goes through (exported for the unit tests). */
export function pinoOptions(settings: LogSettings): LoggerOptions {
  return {
    level: PINO_LEVEL[settings.level],
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths([...REDACTED_FIELDS, ...settings.redact]), censor: REDACTED },
    serializers: { err: serializeError },
    hooks: {
      // Text a line carries (messages, error texts) is scrubbed of what looks like personal data.
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}

function serializeError(error: unknown): unknown {
  const plain = error instanceof Error ? pino.stdSerializers.err(error) : error;
  if (!plain || typeof plain !== 'object') return typeof plain === 'string' ? scrub(plain) : plain;
  const copy: Record<string, unknown> = { ...(plain as Record<string, unknown>) };
  for (const key of ['message', 'stack', 'detail']) {
    const value = copy[key];
    if (typeof value === 'string') copy[key] = scrub(value);
  }
  return copy;
}

function destination(format: LogFormat): DestinationStream {
  // Synchronous: a refused start-up exits right after its message.
  if (format === 'json') return pino.destination({ dest: 1, sync: true });
  return pretty({
    destination: 1,
    sync: true,
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: PRETTY_INLINE.join(','),
    messageFormat: prettyLine,
  });
}

/** Fields the pretty line shows inline (the rest, an error say, follows on its own lines). */
const PRETTY_INLINE = ['pid', 'hostname', 'context', 'requestId', 'method', 'route', 'status', 'durationMs'];

/** `[Booking] booked C-7K2M (CIE)` or `request completed POST /api/appointments 201 12 ms`, then the request id. */
export function prettyLine(line: Record<string, unknown>, messageKey: string): string {
  const context = line['context'] ? `[${text(line['context'])}] ` : '';
  const answer = line['method'] ? ` ${text(line['method'])} ${text(line['route'])} ${text(line['status'])} ${text(line['durationMs'])} ms` : '';
  const id = line['requestId'] ? ` (${text(line['requestId'])})` : '';
  return `${context}${text(line[messageKey] ?? '')}${answer}${id}`;
}

/** A field of a log line as text: strings and numbers as they are, anything else as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/**
 * A request's id: the proxy's X-Request-Id when a proxy is configured (TRUST_PROXY) and the
 * id looks like one (no spaces, no control characters, at most 128 characters), otherwise a
 * new UUID. Without a proxy the header comes from the client, who must not pick the id that
 * other requests' log lines carry. Fastify's genReqId (see bootstrap), so that Fastify,
 * pino-http and the echoed X-Request-Id all carry the same id.
 */
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
export function requestId(req: IncomingMessage, fromProxy: boolean): string {
  const given = req.headers['x-request-id'];
  return fromProxy && typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The route template Fastify matched, which the api puts on the raw request (see bootstrap). */
export const ROUTE = Symbol('sportello.route');
type Routed = IncomingMessage & { [ROUTE]?: string };
export const routeOf = (req: IncomingMessage): string => (req as Routed)[ROUTE] ?? '(no route)';
export const setRoute = (req: IncomingMessage, route: string): void => void ((req as Routed)[ROUTE] = route);

/** Requests logged at debug only (probes and scrapes, every few seconds), unless they fail. */
const QUIET_ROUTES = new Set(['/api/health/live', '/api/health/ready', '/api/metrics']);

/** nestjs-pino's parameters: one line per answer with the request id, method, route template, status and duration. */
export function loggerParams(settings: LogSettings): Params {
  return {
    pinoHttp: [
      {
        ...pinoOptions(settings),
        // Fastify has given the request its id already (requestId above); pino-http reuses req.id.
        genReqId: (req) => req.id ?? randomUUID(),
        // Lines inside a request carry its id only; the answer's line says the rest.
        quietReqLogger: true,
        quietResLogger: true,
        customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
        customLogLevel: (req, res, error) => {
          if (error || res.statusCode >= 500) return 'error';
          return QUIET_ROUTES.has(routeOf(req)) ? 'debug' : 'info';
        },
        customSuccessObject: (req, res, fields) => answerFields(req, res, fields as Record<string, unknown>),
        customErrorObject: (req, res, _error, fields) => answerFields(req, res, fields as Record<string, unknown>),
        customSuccessMessage: () => 'request completed',
        customErrorMessage: () => 'request failed',
      },
      destination(settings.format),
    ],
  };
}

function answerFields(req: IncomingMessage, res: ServerResponse, fields: Record<string, unknown>) {
  return { method: req.method, route: routeOf(req), status: res.statusCode, durationMs: fields['durationMs'] };
}
