/**
 * The building blocks of every request schema. Each leaf reads one field the way the api
 * always has (trimmed text, lower-cased ids, ISO instants parsed into a Date, dates from
 * EARLIEST_DATE to LATEST_DATE…) and reports a problem as a zod issue whose `message` is a
 * message key of the api (`api/src/app/common/messages.ts`) with its `params`: the api's
 * validation pipe translates them into Italian or English. Each leaf also carries its JSON
 * Schema (`.meta`), from which the OpenAPI document is generated.
 */
import * as z from 'zod';
import { EARLIEST_DATE, isPlainEmailAddress, isValidLocalDate, isValidMonth, LATEST_DATE } from '@sportello/domain';

export type Params = Record<string, string | number>;
/** Reports a problem (at `path` inside the field, for list items) and returns a placeholder. */
export type Fail = (key: string, params?: Params, path?: Array<string | number>) => never;
type Json = Record<string, unknown>;

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_PATTERN);
/** An instant with its offset: 2027-03-29T08:30:00+02:00 or …Z. */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$';
const INSTANT = new RegExp(INSTANT_PATTERN);
const EARLIEST_INSTANT = new Date(`${EARLIEST_DATE}T00:00:00Z`);
const AFTER_LATEST_INSTANT = new Date(`${Number(LATEST_DATE.slice(0, 4)) + 1}-01-01T00:00:00Z`);

/**
 * A field read by `read`: `I` is its type on the wire (what a client sends), the output
 * what `read` returns. `json` is its JSON Schema.
 */
export function field<I, O>(json: Json, read: (raw: unknown, fail: Fail) => O): z.ZodPipe<z.ZodCustom<I, I>, z.ZodTransform<Awaited<O>, I>> {
  return z
    .custom<I>()
    .meta(json)
    .transform((raw, ctx) => {
      let failed = false;
      const fail: Fail = (key, params, path) => {
        ctx.issues.push({ code: 'custom', message: key, input: raw, ...(params && { params }), ...(path && { path }) });
        failed = true;
        return undefined as never;
      };
      const value = read(raw, fail);
      return (failed ? z.NEVER : value) as Awaited<O>;
    });
}

/** The problem key and params of a value refused by a local-date check, or null. */
export function localDateProblem(value: string): { key: string; params?: Params } | null {
  if (!isValidLocalDate(value)) return { key: 'field.date' };
  if (value < EARLIEST_DATE || value > LATEST_DATE) return { key: 'field.dateRange', params: { min: EARLIEST_DATE, max: LATEST_DATE } };
  return null;
}

/** Why a "YYYY-MM" is refused (its form, or outside the months of EARLIEST_DATE … LATEST_DATE), or null. */
export function monthProblem(month: string): { key: string; params?: Params } | null {
  if (!isValidMonth(month)) return { key: 'field.month' };
  const [min, max] = [EARLIEST_DATE.slice(0, 7), LATEST_DATE.slice(0, 7)];
  return month < min || month > max ? { key: 'field.monthRange', params: { min, max } } : null;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const chars = (value: string): number => [...value].length;

// ---------------------------------------------------------------------------------------
// JSON bodies. A text is trimmed; absent, null and blank are the same (missing).

/** Trimmed text, or undefined when absent, null or blank; `fail` for other types. */
function bodyString(raw: unknown, fail: Fail, required: boolean): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return required ? fail('field.required') : undefined;
  if (typeof raw !== 'string') return fail('field.text');
  return raw.trim();
}

function readText(raw: unknown, fail: Fail, max: number, required: boolean): string | undefined {
  const value = bodyString(raw, fail, required);
  if (value !== undefined && chars(value) > max) return fail('field.tooLong', { max });
  return value;
}

/** Required trimmed text of 1..max characters. */
export const text = (max: number, json: Json = {}) =>
  field<string, string>({ type: 'string', minLength: 1, maxLength: max, ...json }, (raw, fail) => readText(raw, fail, max, true) as string);

/** Trimmed text of at most max characters, or undefined when absent or blank. */
export const optionalText = (max: number, json: Json = {}) =>
  field<string | null, string | undefined>({ type: ['string', 'null'], maxLength: max, ...json }, (raw, fail) => readText(raw, fail, max, false)).optional();

/** Trimmed text of at most max characters, or null when absent, null or blank. */
export const nullableText = (max: number, json: Json = {}) =>
  field<string | null, string | null>({ type: ['string', 'null'], maxLength: max, ...json }, (raw, fail) => readText(raw, fail, max, false) ?? null)
    .optional()
    .transform((value) => value ?? null);

/** A secret (password) of 1..max characters, exactly as typed: never trimmed. */
export const secret = (max: number) =>
  field<string, string>({ type: 'string', minLength: 1, maxLength: max, format: 'password' }, (raw, fail) => {
    if (raw === undefined || raw === null || raw === '') return fail('field.required');
    if (typeof raw !== 'string') return fail('field.text');
    if (chars(raw) > max) return fail('field.tooLong', { max });
    return raw;
  });

function readUuid(raw: unknown, fail: Fail, required: boolean): string | undefined {
  const value = bodyString(raw, fail, required);
  if (value !== undefined && !isUuid(value)) return fail('field.uuid');
  return value?.toLowerCase();
}

/** A required UUID, in lower case. */
export const uuid = (json: Json = {}) =>
  field<string, string>({ type: 'string', format: 'uuid', pattern: UUID_PATTERN, ...json }, (raw, fail) => readUuid(raw, fail, true) as string);

/** A UUID in lower case, or undefined when absent, null or blank. */
export const optionalUuid = (json: Json = {}) =>
  field<string | null, string | undefined>({ type: ['string', 'null'], format: 'uuid', pattern: UUID_PATTERN, ...json }, (raw, fail) =>
    readUuid(raw, fail, false),
  ).optional();

/** An ISO 8601 instant with its offset, in the years EARLIEST_DATE … LATEST_DATE, as a Date. */
export const instant = (json: Json = {}) =>
  field<string, Date>({ type: 'string', format: 'date-time', pattern: INSTANT_PATTERN, example: '2027-03-29T08:30:00+02:00', ...json }, (raw, fail) => {
    const value = bodyString(raw, fail, true);
    if (value === undefined) return undefined as never;
    const date = new Date(value);
    if (!INSTANT.test(value) || Number.isNaN(date.getTime())) return fail('field.instant');
    if (date < EARLIEST_INSTANT || date >= AFTER_LATEST_INSTANT) return fail('field.dateRange', { min: EARLIEST_DATE, max: LATEST_DATE });
    return date;
  });

const LOCAL_DATE_JSON: Json = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2027-03-29' };

function readLocalDate(raw: unknown, fail: Fail, required: boolean): string | undefined {
  const value = bodyString(raw, fail, required);
  if (value === undefined) return undefined;
  const problem = localDateProblem(value);
  if (problem) return fail(problem.key, problem.params);
  return value;
}

/** A required local date "YYYY-MM-DD" from EARLIEST_DATE to LATEST_DATE. */
export const localDate = (json: Json = {}) => field<string, string>({ ...LOCAL_DATE_JSON, ...json }, (raw, fail) => readLocalDate(raw, fail, true) as string);

/** A local date, or undefined when absent, null or blank. */
export const optionalLocalDate = (json: Json = {}) =>
  field<string | null, string | undefined>({ ...LOCAL_DATE_JSON, type: ['string', 'null'], ...json }, (raw, fail) =>
    readLocalDate(raw, fail, false),
  ).optional();

/** A local date, or null when absent, null or blank. */
export const nullableDate = (json: Json = {}) =>
  field<string | null, string | null>({ ...LOCAL_DATE_JSON, type: ['string', 'null'], ...json }, (raw, fail) => readLocalDate(raw, fail, false) ?? null)
    .optional()
    .transform((value) => value ?? null);

/**
 * A required e-mail address of at most 254 characters, in lower case: the plain form only
 * (no quotes, comments or display names: `isPlainEmailAddress`), so the address stored is
 * the address mailed.
 */
export const email = (json: Json = {}) =>
  field<string, string>({ type: 'string', format: 'email', maxLength: 254, example: 'maria.rossi@example.it', ...json }, (raw, fail) => {
    const value = readText(raw, fail, 254, true)?.toLowerCase();
    if (value === undefined) return undefined as never;
    if (!isPlainEmailAddress(value)) return fail('field.email');
    return value;
  });

/** One of `allowed`; absent → field.required, anything else → `key`. */
export const oneOf = <T extends string>(allowed: readonly [T, ...T[]], key: string, json: Json = {}) =>
  field<T, T>({ type: 'string', enum: allowed, ...json }, (raw, fail) => {
    if (typeof raw === 'string' && allowed.includes(raw as T)) return raw as T;
    return fail(raw === undefined ? 'field.required' : key);
  });

/** Exactly `true` (a consent), else `key`. */
export const isTrue = (key: string) => field<true, true>({ type: 'boolean', const: true }, (raw, fail) => (raw === true ? true : fail(key)));

function readBoolean(raw: unknown, fail: Fail, required: boolean): boolean | undefined {
  if (raw === undefined || raw === null) return required ? fail('field.required') : undefined;
  if (typeof raw !== 'boolean') return fail('field.boolean');
  return raw;
}

/** true or false. */
export const boolean = (json: Json = {}) => field<boolean, boolean>({ type: 'boolean', ...json }, (raw, fail) => readBoolean(raw, fail, true) as boolean);

/** true or false, or `otherwise` when absent or null. */
export const optionalBoolean = (otherwise: boolean, json: Json = {}) =>
  field<boolean | null, boolean>({ type: ['boolean', 'null'], default: otherwise, ...json }, (raw, fail) => readBoolean(raw, fail, false) ?? otherwise)
    .optional()
    .transform((value) => value ?? otherwise);

const isMissing = (raw: unknown): boolean => raw === undefined || raw === null || raw === '';

function readInteger(raw: unknown, fail: Fail, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) return fail('field.integer', { min, max });
  return raw;
}

/** A required whole number in [min, max]. */
export const integer = (min: number, max: number, json: Json = {}) =>
  field<number, number>({ type: 'integer', minimum: min, maximum: max, ...json }, (raw, fail) =>
    isMissing(raw) ? fail('field.required') : readInteger(raw, fail, min, max),
  );

/** A whole number in [min, max], or `otherwise` when absent (null and '' are a problem: present). */
export const optionalInteger = (min: number, max: number, otherwise: number, json: Json = {}) =>
  field<number, number>({ type: 'integer', minimum: min, maximum: max, default: otherwise, ...json }, (raw, fail) =>
    isMissing(raw) ? fail('field.required') : readInteger(raw, fail, min, max),
  )
    .optional()
    .transform((value) => value ?? otherwise);

/** A whole number in [min, max], or null when absent, null or ''. */
export const nullableInteger = (min: number, max: number, json: Json = {}) =>
  field<number | null, number | null>({ type: ['integer', 'null'], minimum: min, maximum: max, ...json }, (raw, fail) =>
    isMissing(raw) ? null : readInteger(raw, fail, min, max),
  )
    .optional()
    .transform((value) => value ?? null);

/** A number (decimals allowed) in [min, max], or null when absent, null or ''. */
export const nullableNumber = (min: number, max: number, json: Json = {}) =>
  field<number | null, number | null>({ type: ['number', 'null'], minimum: min, maximum: max, ...json }, (raw, fail) => {
    if (isMissing(raw)) return null;
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) return fail('field.number', { min, max });
    return raw;
  })
    .optional()
    .transform((value) => value ?? null);

/** A list of non-blank texts (each trimmed, at most maxLength), at most maxItems; absent = empty. */
export const texts = (maxItems: number, maxLength: number, json: Json = {}) =>
  field<string[] | null, string[]>({ type: ['array', 'null'], maxItems, items: { type: 'string', minLength: 1, maxLength }, ...json }, (raw, fail) => {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) return fail('field.array');
    if (raw.length > maxItems) return fail('field.tooMany', { max: maxItems });
    const values: string[] = [];
    let bad = false;
    raw.forEach((item: unknown, index) => {
      if (typeof item !== 'string' || item.trim() === '') {
        bad = true;
        fail(typeof item === 'string' ? 'field.required' : 'field.text', undefined, [index]);
      } else if (chars(item.trim()) > maxLength) {
        bad = true;
        fail('field.tooLong', { max: maxLength }, [index]);
      } else values.push(item.trim());
    });
    return bad ? (undefined as never) : values;
  })
    .optional()
    .transform((value) => value ?? []);

/** A list of ids (lower case, without repeats), at most maxItems; absent = empty. */
export const uuids = (maxItems: number, json: Json = {}) =>
  field<string[] | null, string[]>(
    { type: ['array', 'null'], maxItems, items: { type: 'string', format: 'uuid', pattern: UUID_PATTERN }, ...json },
    (raw, fail) => {
      if (raw === undefined || raw === null) return [];
      if (!Array.isArray(raw)) return fail('field.array');
      if (raw.length > maxItems) return fail('field.tooMany', { max: maxItems });
      const ids: string[] = [];
      raw.forEach((item: unknown, index) => {
        if (typeof item !== 'string' || !isUuid(item)) fail('field.uuid', undefined, [index]);
        else if (!ids.includes(item.toLowerCase())) ids.push(item.toLowerCase());
      });
      return ids;
    },
  )
    .optional()
    .transform((value) => value ?? []);

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Forwards the issues of a nested parse, under `path`. */
function forward(issues: z.core.$ZodIssue[], push: (issue: z.core.$ZodRawIssue) => void, path: Array<string | number> = []): void {
  for (const issue of issues) push({ ...issue, path: [...path, ...issue.path] } as z.core.$ZodRawIssue);
}

/**
 * A nested object. Not an object: `field.object`, and its own fields are still read from
 * an empty object, so that every missing field is listed at once (`citizen`,
 * `citizen.firstName`, …).
 */
export function object<S extends z.ZodRawShape>(shape: S, json: Json = {}) {
  const inner = z.object(shape);
  return z
    .custom<z.input<typeof inner>>()
    .meta({ ...jsonOf(inner), ...json })
    .transform((raw, ctx) => {
      if (!isObject(raw)) ctx.issues.push({ code: 'custom', message: 'field.object', input: raw });
      const result = inner.safeParse(isObject(raw) ? raw : {});
      if (!result.success) forward(result.error.issues, (issue) => ctx.issues.push(issue));
      return result.success && isObject(raw) ? result.data : z.NEVER;
    });
}

/** `schema`, or null (also when absent). */
export function orNull<T extends z.ZodType>(schema: T) {
  return field<z.input<T> | null, z.output<T> | null>({ anyOf: [jsonOf(schema), { type: 'null' }] }, (raw, fail) => {
    if (raw === undefined || raw === null) return null;
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) fail(issue.message, (issue as { params?: Params }).params, issue.path as Array<string | number>);
    return undefined as never;
  })
    .optional()
    .transform((value) => value ?? null);
}

/**
 * A field documented by `json` and read by the body's rules (`check.read`), where its problems
 * must come after those of other fields, as they always have.
 */
export const readByRules = <I>(json: Json) => field<I, unknown>(json, (raw) => raw);

/** A nested object with rules of its own (see `body`); not an object: `field.object`, its fields listed. */
export const nested = <S extends z.ZodRawShape, R = void>(
  shape: S,
  rules?: (value: Partial<z.output<z.ZodObject<S>>>, check: BodyCheck, raw: Record<string, unknown>) => R,
) => itemOf(shape, rules);

/** A list item: like a nested object, with its own rules. */
function itemOf<S extends z.ZodRawShape, R>(shape: S, rules?: (value: Partial<z.output<z.ZodObject<S>>>, check: BodyCheck, raw: Record<string, unknown>) => R) {
  const inner = body(shape, rules);
  return z
    .custom<z.input<typeof inner>>()
    .meta(jsonOf(z.object(shape)))
    .transform((raw, ctx) => {
      if (!isObject(raw)) ctx.issues.push({ code: 'custom', message: 'field.object', input: raw });
      const result = inner.safeParse(raw);
      if (!result.success) forward(result.error.issues, (issue) => ctx.issues.push(issue));
      return result.success && isObject(raw) ? result.data : z.NEVER;
    });
}

/**
 * A JSON body: not an object reads as an empty one (every required field is then listed).
 * `rules` add the checks across fields; they see the fields read so far (`undefined` where
 * a field was refused) and whether a field already has a problem.
 */
/** What a body with `rules` gives: what the rules return, else the fields read. */
type Out<S extends z.ZodRawShape, R> = [R] extends [void] ? z.output<z.ZodObject<S>> : R;

export function body<S extends z.ZodRawShape, R = void>(
  shape: S,
  rules?: (value: Partial<z.output<z.ZodObject<S>>>, check: BodyCheck, raw: Record<string, unknown>) => R,
) {
  type O = Out<S, R>;
  const inner = z.object(shape);
  return z
    .custom<z.input<typeof inner>>()
    .meta(jsonOf(inner))
    .transform((raw, ctx) => {
      const result = inner.safeParse(isObject(raw) ? raw : {});
      const issues = result.success ? [] : result.error.issues;
      forward(issues, (issue) => ctx.issues.push(issue));
      const value = (result.success ? result.data : partialOf(isObject(raw) ? raw : {}, inner, issues)) as Partial<z.output<z.ZodObject<S>>>;
      const check = new BodyCheck(issues, (issue) => ctx.issues.push(issue));
      const changed = rules?.(value, check, isObject(raw) ? raw : {});
      if (issues.length > 0 || check.failed) return z.NEVER;
      return (changed === undefined ? value : changed) as O;
    });
}

/** Reads each field of `raw` alone, so that rules see the fields that were fine. */
function partialOf(raw: Record<string, unknown>, inner: z.ZodObject, issues: z.core.$ZodIssue[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(inner.shape)) {
    if (issues.some((issue) => issue.path[0] === key)) continue;
    const result = (schema as z.ZodType).safeParse(raw[key]);
    if (result.success) value[key] = result.data;
  }
  return value;
}

/** What the cross-field rules of a body use: add a problem, ask whether a field has one. */
export class BodyCheck {
  failed = false;

  constructor(
    private readonly issues: z.core.$ZodIssue[],
    private readonly push: (issue: z.core.$ZodRawIssue) => void,
  ) {}

  add(path: string | Array<string | number>, key: string, params?: Params): void {
    const at = typeof path === 'string' ? path.split('.') : path;
    this.push({ code: 'custom', message: key, input: undefined, path: at, ...(params && { params }) });
    this.issues.push({ code: 'custom', message: key, input: undefined, path: at });
    this.failed = true;
  }

  /** Reads `raw` with `schema`, its problems under `path`; undefined when refused. */
  read<T extends z.ZodType>(path: Array<string | number>, schema: T, raw: unknown): z.output<T> | undefined {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      this.add([...path, ...(issue.path as Array<string | number>)], issue.message, (issue as { params?: Params }).params);
    return undefined;
  }

  /** Whether the field (or something inside it) has a problem. */
  has(path: string | Array<string | number>): boolean {
    const at = typeof path === 'string' ? path.split('.') : path;
    return this.issues.some((issue) => at.every((part, index) => issue.path[index] === part));
  }
}

/** The JSON Schema of a zod object whose leaves carry their own (`.meta`), for the request side. */
export function jsonOf(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json['$schema'];
  return json;
}

// ---------------------------------------------------------------------------------------
// Query strings and path parameters: strings (a repeated parameter is an array).

function single(raw: unknown, fail: Fail): string {
  if (Array.isArray(raw)) return fail('field.single');
  if (typeof raw !== 'string' || raw.trim() === '') return fail('field.required');
  return raw.trim();
}

export const query = {
  /** A required UUID, lower-cased. */
  uuid: (json: Json = {}) =>
    field<string, string>({ type: 'string', format: 'uuid', pattern: UUID_PATTERN, ...json }, (raw, fail) => {
      const value = single(raw, fail);
      if (value === undefined) return value;
      return isUuid(value) ? value.toLowerCase() : fail('field.uuid');
    }),
  /** A UUID, lower-cased, or undefined when absent (present and blank: field.required). */
  optionalUuid: (json: Json = {}) => query.uuid(json).optional(),
  /** A required "YYYY-MM-DD" from EARLIEST_DATE to LATEST_DATE. */
  localDate: (json: Json = {}) =>
    field<string, string>({ ...LOCAL_DATE_JSON, ...json }, (raw, fail) => {
      const value = single(raw, fail);
      if (value === undefined) return value;
      const problem = localDateProblem(value);
      return problem ? fail(problem.key, problem.params) : value;
    }),
  /** A local date, or undefined when absent. */
  optionalDate: (json: Json = {}) => query.localDate(json).optional(),
  /** Trimmed text of at most max characters, or undefined when absent or blank. */
  optionalText: (max: number, json: Json = {}) =>
    field<string, string | undefined>({ type: 'string', maxLength: max, ...json }, (raw, fail) => {
      if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
      const value = single(raw, fail);
      if (value === undefined) return value;
      return chars(value) > max ? fail('field.tooLong', { max }) : value;
    }).optional(),
  /** A whole number in [min, max], or undefined when absent or empty. */
  optionalInt: (min: number, max: number, json: Json = {}) =>
    field<string, number | undefined>({ type: 'integer', minimum: min, maximum: max, ...json }, (raw, fail) => {
      if (raw === undefined || raw === '') return undefined;
      const value = single(raw, fail);
      if (value === undefined) return value;
      const n = Number(value);
      return !/^-?\d+$/.test(value) || n < min || n > max ? fail('field.integer', { min, max }) : n;
    }).optional(),
  /** One of the allowed values, or undefined when absent or empty. */
  optionalOneOf: <T extends string>(allowed: readonly T[], json: Json = {}) =>
    field<T, T | undefined>({ type: 'string', enum: allowed, ...json }, (raw, fail) => {
      if (raw === undefined || raw === '') return undefined;
      const value = single(raw, fail);
      if (value === undefined) return value;
      return allowed.includes(value as T) ? (value as T) : fail('field.oneOf', { allowed: allowed.join(', ') });
    }).optional(),
  /** "true" or "false" (absent: false). */
  flag: (json: Json = {}) =>
    field<'true' | 'false', boolean>({ type: 'string', enum: ['true', 'false'], ...json }, (raw) => raw === 'true')
      .optional()
      .transform((value) => value ?? false),
};

/** A path parameter that must be a UUID (lower-cased). */
export const uuidParam = (json: Json = {}) =>
  field<string, string>({ type: 'string', format: 'uuid', pattern: UUID_PATTERN, ...json }, (raw, fail) =>
    typeof raw === 'string' && isUuid(raw) ? raw.toLowerCase() : fail('field.uuid'),
  );

/** A query string or path parameters: an object of the fields above (unknown names ignored). */
export const params = body;

export { isObject };
