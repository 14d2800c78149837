import { SetMetadata } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import type { ErrorCode } from '@sportello/contracts';
import { XSRF_COOKIE, XSRF_HEADER } from '@sportello/contracts';
import { ApiErrorBodySchema } from '@sportello/contracts/schemas';
import * as z from 'zod';
import { createDocument } from 'zod-openapi';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { Valid } from './validation';

/**
 * The OpenAPI 3.1 document, generated from the schemas of libs/contracts: each route's
 * parameters, query and body come from the `Valid` pipes of its handler (or `@Doc({ body })`
 * where the handler parses itself), its answer from `@Doc({ ok })`; the error answers follow
 * from what guards the route (staff session and CSRF, rate limits, the proof of work) and
 * from its inputs, plus the codes `@Doc({ errors })` names.
 */

/** What a handler documents about itself; its inputs are read from its pipes. */
export interface DocSpec {
  summary?: string;
  description?: string;
  /** The success answer's schema; null: 204 No Content. */
  ok: z.ZodType | null;
  /** The success status when not the route's default (201 for POST, else 200, or @HttpCode). */
  status?: number;
  okDescription?: string;
  /** Another media type of the success answer (a download), instead of or beside JSON. */
  produces?: { type: string; schema?: z.ZodType; only?: boolean };
  /** Other success answers (check-in: 200 or 201; call-next: 200 or 204). */
  also?: Array<{ status: number; schema: z.ZodType | null; description: string }>;
  /** Response headers of the success answer. */
  headers?: Record<string, { description: string; schema?: Record<string, unknown> }>;
  /** Error statuses and codes beyond the automatic ones (400, 401, 403, 404, 429, 500, 503). */
  errors?: Partial<Record<number, { codes: ErrorCode[]; description?: string; schema?: z.ZodType }>>;
  /** Inputs the handler parses itself (the pipe-less ones). */
  body?: z.ZodType;
  bodyType?: string;
  query?: z.ZodType;
  /** Path parameters the handler parses itself. */
  params?: Record<string, z.ZodType>;
  requestHeaders?: Array<{ name: string; schema: z.ZodType; description?: string; required?: boolean }>;
  /** No 400: the route takes no input at all, or its input errors are 404 (tokens). */
  noValidation?: boolean;
  /** Another media type of the error answers (a page for a browser's navigation), beside JSON. */
  errorMedia?: string;
  /** No 404 for its path parameters: the same answer for every value (unsubscribe). */
  noNotFound?: boolean;
}

const DOC = 'sportello:openapi';
const TAG = 'sportello:openapi-tag';

/** Documents a handler in the OpenAPI document. */
export const Doc = (spec: DocSpec): MethodDecorator => SetMetadata(DOC, spec);
/** The tag of a controller's operations. */
export const DocTag = (tag: string): ClassDecorator => SetMetadata(TAG, tag);
/** A controller left out of the public document (the Prometheus metrics). */
export const Undocumented = (): ClassDecorator => SetMetadata(TAG, false);

// Nest's own metadata keys (@nestjs/common/constants).
const PATH = 'path';
const METHOD = 'method';
const ROUTE_ARGS = '__routeArguments__';
const GUARDS = '__guards__';
const HTTP_CODE = '__httpCode__';
const METHODS = ['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head', 'search'];
const PARAM_TYPES = { body: 3, query: 4, param: 5 } as const;

export interface RouteGuards {
  /** The guard classes that mark a staff route, a rate-limited one, and one needing the proof of work. */
  staff: Type[];
  throttled: Type[];
  challenge: Type[];
}

/** One documented route, as found on the controllers. */
export interface DocumentedRoute {
  method: string;
  /** OpenAPI path (`/api/offices/{officeId}`). */
  path: string;
  spec: DocSpec;
  /** The operation object, built when the document is first asked for (not at start-up). */
  operation: () => ZodOpenApiOperationObject;
}

function jsonOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json['$schema'];
  return json;
}

const errorBody = (status: number, codes: readonly ErrorCode[], schema?: z.ZodType): z.ZodType =>
  schema ?? ApiErrorBodySchema.extend({ statusCode: z.literal(status), code: z.enum(codes as [ErrorCode, ...ErrorCode[]]) }).loose();

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } } };

/** The operations of every controller, in the order Nest registers them. */
export function documentedRoutes(controllers: Type[], guards: RouteGuards, prefix = 'api'): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH, controller) ?? '');
    const tag = Reflect.getMetadata(TAG, controller) as string | false | undefined;
    if (tag === false) continue;
    const classGuards = (Reflect.getMetadata(GUARDS, controller) as Type[] | undefined) ?? [];
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD, handler) as number | undefined;
      if (method === undefined) continue;
      const spec = Reflect.getMetadata(DOC, handler) as DocSpec | undefined;
      const sub = String(Reflect.getMetadata(PATH, handler) ?? '');
      const nestPath = ['', prefix, base, sub]
        .map((part) => part.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/');
      const path = `/${nestPath}`.replace(/:(\w+)/g, '{$1}');
      if (!spec) throw new Error(`${controller.name}.${name} (${METHODS[method]} ${path}) has no @Doc: every api route is documented`);
      const handlerGuards = [...classGuards, ...((Reflect.getMetadata(GUARDS, handler) as Type[] | undefined) ?? [])];
      const args = (Reflect.getMetadata(ROUTE_ARGS, controller, name) as Record<string, { index: number; data?: string; pipes?: unknown[] }> | undefined) ?? {};
      const httpCode = Reflect.getMetadata(HTTP_CODE, handler) as number | undefined;
      const verb = METHODS[method];
      routes.push({ method: verb, path, spec, operation: () => operationOf(verb, path, spec, args, handlerGuards, guards, tag, httpCode) });
    }
  }
  return routes;
}

function schemasOf(args: Record<string, { index: number; data?: string; pipes?: unknown[] }>, type: number): Array<{ data?: string; schema: z.ZodType }> {
  return Object.entries(args)
    .filter(([key]) => key.split(':')[0] === String(type))
    .flatMap(([, arg]) =>
      (arg.pipes ?? []).filter((pipe): pipe is Valid<z.ZodType> => pipe instanceof Valid).map((pipe) => ({ data: arg.data, schema: pipe.schema })),
    );
}

function parametersOf(schema: z.ZodType, location: 'query' | 'path'): Array<Record<string, unknown>> {
  const json = jsonOf(schema);
  const properties = (json['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  const required = (json['required'] ?? []) as string[];
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: location, required: location === 'path' || required.includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

function operationOf(
  verb: string,
  path: string,
  spec: DocSpec,
  args: Record<string, { index: number; data?: string; pipes?: unknown[] }>,
  handlerGuards: Type[],
  guards: RouteGuards,
  tag: string | undefined,
  httpCode: number | undefined,
): ZodOpenApiOperationObject {
  const staff = handlerGuards.some((guard) => guards.staff.includes(guard));
  const throttled = handlerGuards.some((guard) => guards.throttled.includes(guard));
  const challenge = handlerGuards.some((guard) => guards.challenge.includes(guard));
  const unsafe = verb !== 'get' && verb !== 'head';

  const parameters: Array<Record<string, unknown>> = [];
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const pathSchemas = new Map([
    ...schemasOf(args, PARAM_TYPES.param).map((p): [string, z.ZodType] => [p.data ?? '', p.schema]),
    ...Object.entries(spec.params ?? {}),
  ]);
  for (const name of pathNames) {
    const schema = pathSchemas.get(name);
    const json = schema ? jsonOf(schema) : { type: 'string' };
    const { description, ...rest } = json;
    parameters.push({ name, in: 'path', required: true, ...(description ? { description } : {}), schema: rest });
  }
  const query = spec.query ?? schemasOf(args, PARAM_TYPES.query)[0]?.schema;
  if (query) parameters.push(...parametersOf(query, 'query'));
  for (const header of spec.requestHeaders ?? []) {
    const { description, ...rest } = jsonOf(header.schema);
    parameters.push({ name: header.name, in: 'header', required: header.required ?? false, description: header.description ?? description, schema: rest });
  }
  if (challenge) {
    parameters.push({
      name: 'X-Altcha',
      in: 'header',
      required: false,
      description:
        "The ALTCHA widget's base64 payload solving a challenge of GET /api/challenge (one per request). Required unless BOOKING_CHALLENGE=off: 400 CHALLENGE_REQUIRED without it, CHALLENGE_INVALID when wrong, expired or used.",
      schema: { type: 'string' },
    });
  }
  if (staff && unsafe)
    parameters.push({
      name: XSRF_HEADER,
      in: 'header',
      required: true,
      description: `The value of the ${XSRF_COOKIE} cookie (CSRF double submit)`,
      schema: { type: 'string' },
    });

  const body = spec.body ?? schemasOf(args, PARAM_TYPES.body)[0]?.schema;
  const status = spec.status ?? (spec.ok === null ? 204 : (httpCode ?? (verb === 'post' ? 201 : 200)));
  const responses: Record<string, unknown> = {};
  const success = (schema: z.ZodType | null, description: string) =>
    schema === null
      ? { description }
      : {
          description,
          ...(spec.headers && { headers: spec.headers }),
          content: {
            ...(!spec.produces?.only && { 'application/json': { schema } }),
            ...(spec.produces && { [spec.produces.type]: { schema: spec.produces.schema ?? { type: 'string' } } }),
          },
        };
  responses[String(status)] = success(spec.ok, spec.okDescription ?? (spec.ok === null ? 'Done (no content)' : 'The answer'));
  for (const other of spec.also ?? []) responses[String(other.status)] = success(other.schema, other.description);

  // The errors every route can give, then the ones its inputs and guards add, then its own.
  const errors = new Map<number, { codes: ErrorCode[]; description: string; schema?: z.ZodType; headers?: Record<string, unknown> }>();
  const add = (code: number, codes: ErrorCode[], description: string, extra: { schema?: z.ZodType; headers?: Record<string, unknown> } = {}) => {
    const known = errors.get(code);
    if (known) {
      known.codes = [...new Set([...known.codes, ...codes])];
      known.description = `${known.description}; ${description}`;
      Object.assign(known, extra);
    } else errors.set(code, { codes, description, ...extra });
  };
  const hasInput = !spec.noValidation && (pathSchemas.size > 0 || query !== undefined || body !== undefined || (spec.requestHeaders ?? []).length > 0);
  if (hasInput || body !== undefined)
    add(400, ['VALIDATION_FAILED'], 'VALIDATION_FAILED: the fields in `errors`, each with its message (also a malformed JSON body)');
  if (challenge)
    add(400, ['CHALLENGE_REQUIRED', 'CHALLENGE_INVALID'], 'CHALLENGE_REQUIRED / CHALLENGE_INVALID: the proof of work (X-Altcha) is missing or wrong');
  if (staff) {
    add(401, ['UNAUTHORIZED'], 'UNAUTHORIZED: not logged in or the session expired');
    add(
      403,
      ['FORBIDDEN', 'FORBIDDEN_OFFICE', ...(unsafe ? (['CSRF_TOKEN_INVALID'] as ErrorCode[]) : [])],
      'FORBIDDEN (role), FORBIDDEN_OFFICE (another office)' + (unsafe ? ' or CSRF_TOKEN_INVALID' : ''),
    );
  }
  if (pathNames.length > 0 && !spec.noNotFound) add(404, ['NOT_FOUND'], 'NOT_FOUND: unknown (or not yours: the same answer)');
  if (throttled) add(429, ['TOO_MANY_REQUESTS'], 'TOO_MANY_REQUESTS: rate limited per client; see Retry-After', { headers: RETRY_AFTER });
  for (const [code, error] of Object.entries(spec.errors ?? {}))
    if (error) add(Number(code), error.codes, error.description ?? error.codes.join(', '), error.schema ? { schema: error.schema } : {});
  add(500, ['INTERNAL_ERROR'], 'INTERNAL_ERROR: an unexpected error (logged without personal data)');
  add(503, ['SERVICE_UNAVAILABLE'], 'SERVICE_UNAVAILABLE: the database is unavailable; see Retry-After', { headers: RETRY_AFTER });
  for (const [code, error] of [...errors.entries()].sort(([a], [b]) => a - b)) {
    responses[String(code)] = {
      description: error.description,
      ...(error.headers && { headers: error.headers }),
      content: {
        'application/json': { schema: errorBody(code, error.codes, error.schema) },
        ...(spec.errorMedia && { [spec.errorMedia]: { schema: { type: 'string' } } }),
      },
    };
  }

  return {
    ...(tag && { tags: [tag] }),
    ...(spec.summary && { summary: spec.summary }),
    ...(spec.description && { description: spec.description }),
    ...(parameters.length > 0 && { parameters: parameters as unknown as ZodOpenApiOperationObject['parameters'] }),
    ...(body && { requestBody: { required: true, content: { [spec.bodyType ?? 'application/json']: { schema: body } } } }),
    responses: responses as ZodOpenApiResponsesObject,
    security: staff ? [{ 'staff-session': [] }] : [],
  };
}

/** The document itself. */
export function openApiDocument(routes: DocumentedRoute[]): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method]: route.operation() };
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sportello API',
      version: '0.1.0',
      description:
        'Appointment booking and front-desk queue for the URP of an Italian comune. Errors: `{ statusCode, code, message, errors?: [{ field, message }] }`, in Italian or English by Accept-Language. ' +
        'An unsupported method on a known path answers 405 with `Allow`.',
    },
    components: {
      securitySchemes: {
        'staff-session': {
          type: 'apiKey',
          in: 'cookie',
          name: 'sportello_session',
          description: `Staff session from POST /api/auth/login; unsafe methods (POST, PUT, PATCH, DELETE) also need the ${XSRF_HEADER} header with the value of the ${XSRF_COOKIE} cookie`,
        },
      },
    },
    paths,
  });
}
