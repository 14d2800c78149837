/** Request schemas of the administration pages (`/api/admin/*`). */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, weeklyScheduleIssues } from '@sportello/domain';
import { STAFF_ROLES } from '../auth';
import { INFO_ONLY } from '../frontdesk';
import type { StaffRole } from '../auth';
import type { Params } from './fields';
import {
  body,
  boolean,
  field,
  integer,
  isObject,
  jsonOf,
  nested,
  nullableDate,
  nullableInteger,
  nullableNumber,
  nullableText,
  object,
  optionalBoolean,
  optionalInteger,
  optionalText,
  optionalUuid,
  orNull,
  readByRules,
  secret,
  text,
  texts,
  uuids,
} from './fields';

const OFFICE_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const SERVICE_CODE = /^[A-Z][A-Z0-9]{0,9}$/;
const TICKET_PREFIX = /^[A-Z]{1,3}$/;
const OUTCOME_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const HTTPS_URL = /^https:\/\/[^\s]+$/;
/** AgID publishes every accessibility declaration on its form service. */
const AGID_FORM_URL = /^https:\/\/form\.agid\.gov\.it\/[^\s]*$/;
const PRIVACY_TEXT_MAX = 4000;
/** Days in each month of a leap year: 29 February is a valid patron saint's day. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** INFO_ONLY is every service's outcome already (the front desk adds it). */
export const RESERVED_OUTCOME = INFO_ONLY;

const problem = (ctx: { issues: Array<{ code: string; message?: string; input: unknown }> }, key: string, input: unknown): void => {
  ctx.issues.push({ code: 'custom', message: key, input });
};

/** Required text in upper case that must match `pattern` (else `key`). */
const code = (max: number, pattern: RegExp, key: string, json: Record<string, unknown>) =>
  text(max, json).transform((value, ctx) => {
    const upper = value.toUpperCase();
    if (!pattern.test(upper)) problem(ctx, key, value);
    return upper;
  });

/** A valid IANA zone, as Luxon's IANAZone.isValidZone decides it. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

// ---- Offices ------------------------------------------------------------------------

const officeShape = {
  code: code(40, OFFICE_CODE, 'office.codeFormat', { example: 'URP-CALDERARA', description: 'Upper case, digits and hyphens' }),
  name: text(200),
  address: text(300),
  city: text(100),
  phone: nullableText(40),
  // Its form is checked by the rules, after the coordinates are read.
  email: nullableText(200, { format: 'email' }).transform((value) => value?.toLowerCase() ?? null),
  latitude: nullableNumber(-90, 90, { description: 'WGS84 degrees of the entrance, both or neither' }),
  longitude: nullableNumber(-180, 180),
};

type OfficeFields = { email?: string | null; latitude?: number | null; longitude?: number | null };
function locationPair(value: OfficeFields, check: { has(path: string): boolean; add(path: string, key: string): void }): void {
  if (value.email && !EMAIL.test(value.email)) check.add('email', 'field.email');
  const latitude = value.latitude ?? null;
  const longitude = value.longitude ?? null;
  if ((latitude === null) !== (longitude === null) && !check.has('latitude') && !check.has('longitude'))
    check.add(latitude === null ? 'latitude' : 'longitude', 'office.locationPair');
}

/** `PUT /api/admin/offices/{officeId}`. */
export const OfficeRequestSchema = body(officeShape, (value, check) => {
  locationPair(value, check);
}).meta({ id: 'OfficeRequest' });

/** `POST /api/admin/offices`: with the IANA zone, fixed once the office exists. */
const TIME_ZONE = optionalText(64);

export const NewOfficeRequestSchema = body(
  {
    ...officeShape,
    timeZone: readByRules<string | null>({
      type: ['string', 'null'],
      maxLength: 64,
      example: 'Europe/Rome',
      default: 'Europe/Rome',
      description: 'IANA zone, fixed once the office exists',
    }).optional(),
  },
  (value, check, raw) => {
    locationPair(value, check);
    const zone = check.read(['timeZone'], TIME_ZONE, raw['timeZone']) ?? 'Europe/Rome';
    if (!check.has('timeZone') && !isTimeZone(zone)) check.add('timeZone', 'field.timeZone');
    return { ...(value as Required<typeof value>), timeZone: zone };
  },
).meta({ id: 'NewOfficeRequest' });

// ---- Settings -----------------------------------------------------------------------

/** A text of the privacy notice in both languages; absent, null or both blank: null (the standard text). */
const legalText = () =>
  orNull(object({ it: optionalText(PRIVACY_TEXT_MAX), en: optionalText(PRIVACY_TEXT_MAX) })).transform((text) =>
    text && (text.it || text.en) ? { it: text.it ?? '', en: text.en ?? '' } : null,
  );

const lowerEmail = (max: number) => nullableText(max, { format: 'email' }).transform((value) => value?.toLowerCase() ?? null);

// The e-mail addresses' form is checked after every text is read, as it always was.
const privacy = () =>
  nested(
    {
      controller: nullableText(300),
      controllerEmail: lowerEmail(200),
      dpoName: nullableText(200),
      dpoEmail: lowerEmail(200),
      purposes: legalText(),
      legalBasis: legalText(),
      recipients: legalText(),
    },
    (value, check) => {
      for (const field of ['controllerEmail', 'dpoEmail'] as const) {
        const email = value[field];
        if (email && !EMAIL.test(email)) check.add(field, 'field.email');
      }
    },
  );

const accessibility = () =>
  nested({ declarationUrl: nullableText(500, { format: 'uri', description: 'on form.agid.gov.it' }), feedbackEmail: lowerEmail(200) }, (value, check) => {
    if (value.declarationUrl && !AGID_FORM_URL.test(value.declarationUrl)) check.add('declarationUrl', 'settings.agidUrl');
    if (value.feedbackEmail && !EMAIL.test(value.feedbackEmail)) check.add('feedbackEmail', 'field.email');
  });

/**
 * The office's own App IO API key, write-only: a string sets it (8..200 visible ASCII
 * characters), null or '' removes it, absent keeps what is saved.
 */
const ioApiKey = () =>
  field<string | null, string | null | undefined>(
    {
      type: ['string', 'null'],
      minLength: 8,
      maxLength: 200,
      writeOnly: true,
      description: 'Absent: unchanged; null: removed (the installation key, IO_API_KEY, applies)',
    },
    (raw, fail) => {
      if (raw === undefined) return undefined;
      if (raw === null || raw === '') return null;
      if (typeof raw !== 'string') return fail('field.text');
      return /^[\x21-\x7e]{8,200}$/.test(raw) ? raw : fail('settings.ioApiKey');
    },
  ).optional();

const PATRON_SAINT = object({ month: integer(1, 12), day: integer(1, 31) }).transform((saint, ctx) => {
  if (saint.day > (MONTH_DAYS[saint.month - 1] ?? 31)) ctx.issues.push({ code: 'custom', message: 'field.monthDay', input: saint.day, path: ['day'] });
  return saint;
});

/**
 * `PUT /api/admin/offices/{officeId}/settings`: every rule at once. The reminder must come
 * before the reconfirmation deadline (RECONFIRM_DEADLINE_HOURS of the installation).
 */
export const officeSettingsRequestSchema = (reconfirmDeadlineHours: number) =>
  body(
    {
      bookingHorizonDays: integer(1, 730),
      minNoticeMinutes: integer(0, 10_080),
      reconfirmRequired: boolean(),
      holdMinutes: nullableInteger(1, 120, { description: 'null: the installation default' }),
      cancelCutoffHours: nullableInteger(0, 720),
      reminderHoursBefore: nullableInteger(1, 720),
      maxActivePerFiscalCode: nullableInteger(1, 50),
      retentionDays: nullableInteger(1, 3650),
      mandateStart: nullableDate(),
      mandateEnd: nullableDate(),
      // Absent: what is saved stays (older clients).
      privacy: privacy().optional(),
      accessibility: accessibility().optional(),
      ioApiKey: ioApiKey(),
      // Read by the rules, after the checks across fields.
      patronSaint: readByRules<{ month: number; day: number } | null>({ anyOf: [jsonOf(PATRON_SAINT), { type: 'null' }] }).optional(),
    },
    (value, check, raw) => {
      const reminder = value.reminderHoursBefore;
      if (reminder !== undefined && reminder !== null && !check.has('reminderHoursBefore') && reminder <= reconfirmDeadlineHours) {
        check.add('reminderHoursBefore', 'settings.reminderDeadline', { hours: reconfirmDeadlineHours });
      }
      if (value.mandateStart && value.mandateEnd && value.mandateEnd <= value.mandateStart) check.add('mandateEnd', 'settings.mandateOrder');
      const saint = check.read(['patronSaint'], orNull(PATRON_SAINT), raw['patronSaint']);
      const { privacy, accessibility, ioApiKey: key, ...rules } = value;
      return {
        ...(rules as Required<typeof rules>),
        patronSaint: saint ?? null,
        ...(key !== undefined && { ioApiKey: key }),
        ...(privacy !== undefined && { privacy }),
        ...(accessibility !== undefined && { accessibility }),
      };
    },
  ).meta({ id: 'OfficeSettingsRequest' });

/** The schema for documentation (the deadline named in the description). */
export const OfficeSettingsRequestSchema = officeSettingsRequestSchema(0);

// ---- Services -----------------------------------------------------------------------

/** A text in Italian and English, each optional (''), absent or null: both ''. */
const localized = (max: number) =>
  orNull(object({ it: optionalText(max), en: optionalText(max) })).transform((text) => ({ it: text?.it ?? '', en: text?.en ?? '' }));

/**
 * The outcomes a desk records: every item that is not an object first, then each item's
 * code, names and the code's form (upper case; INFO_ONLY reserved; a code given twice).
 */
const outcomes = () =>
  field<Array<{ code: string; it: string; en: string }> | null, Array<{ code: string; it: string; en: string }>>(
    {
      type: ['array', 'null'],
      maxItems: 30,
      items: {
        type: 'object',
        required: ['code', 'it', 'en'],
        properties: {
          code: { type: 'string', maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' },
          it: { type: 'string', maxLength: 100 },
          en: { type: 'string', maxLength: 100 },
        },
      },
    },
    (raw, fail) => {
      if (raw === undefined || raw === null) return [];
      if (!Array.isArray(raw)) return fail('field.array');
      if (raw.length > 30) return fail('field.tooMany', { max: 30 });
      const items = raw as unknown[];
      items.forEach((item, index) => {
        if (!isObject(item)) fail('field.object', undefined, [index]);
      });
      const read: Array<{ code: string; it: string; en: string }> = [];
      items.forEach((item, index) => {
        const values = isObject(item) ? item : {};
        const textOf = (name: string, max: number): string => {
          const result = text(max).safeParse(values[name]);
          if (result.success) return result.data;
          for (const issue of result.error.issues) fail(issue.message, (issue as { params?: Params }).params, [index, name]);
          return '';
        };
        const outcome = { code: textOf('code', 40).toUpperCase(), it: textOf('it', 100), en: textOf('en', 100) };
        if (outcome.code && !OUTCOME_CODE.test(outcome.code)) fail('service.outcomeCode', undefined, [index, 'code']);
        else if (outcome.code === RESERVED_OUTCOME) fail('service.outcomeReserved', undefined, [index, 'code']);
        else if (outcome.code && read.some((o) => o.code === outcome.code)) fail('field.duplicate', undefined, [index, 'code']);
        read.push(outcome);
      });
      return read;
    },
  )
    .optional()
    .transform((list) => list ?? []);

export const ServiceRequestSchema = body({
  code: code(10, SERVICE_CODE, 'service.codeFormat', { example: 'CIE' }),
  ticketPrefix: code(3, TICKET_PREFIX, 'service.ticketPrefix', { example: 'C' }),
  /** The Italian name is required; an empty English one is the Italian one. */
  names: object({ it: text(200), en: optionalText(200) }).transform((names) => ({ it: names.it, en: names.en || names.it })),
  descriptions: localized(2000),
  documents: orNull(object({ it: texts(20, 300), en: texts(20, 300) })).transform((documents) => documents ?? { it: [] as string[], en: [] as string[] }),
  feeNote: localized(500)
    .optional()
    .transform((note) => (note && (note.it || note.en) ? note : null)),
  onlineAlternative: orNull(
    object({
      url: text(500, { format: 'uri', pattern: '^https://' }).transform((url, ctx) => {
        if (!HTTPS_URL.test(url)) problem(ctx, 'field.url', url);
        return url;
      }),
      description: localized(1000),
    }).transform((online) => online),
  ),
  outcomes: outcomes(),
  durationMinutes: integer(5, 480),
  capacity: integer(0, 100),
  feeCents: nullableInteger(0, 10_000_000, { description: 'euro cents; null: free' }),
  sortOrder: optionalInteger(-1000, 1000, 0),
  active: optionalBoolean(true),
  signInRequired: field<boolean | null, boolean | undefined>(
    {
      type: ['boolean', 'null'],
      description:
        'only citizens signed in with SPID/CIE may hold and book (e.g. CIE when slots are scarce); absent: false for a new service, unchanged on a save',
    },
    (raw, fail) => (raw === undefined || raw === null ? undefined : typeof raw === 'boolean' ? raw : fail('field.boolean')),
  ).optional(),
  confirm: optionalBoolean(false, { description: 'accept cancelling the appointments the change strands' }),
}).meta({ id: 'ServiceRequest' });

// ---- Opening hours ------------------------------------------------------------------

const INTERVAL_KEYS = { WEEKDAY: 'hours.weekday', START: 'field.time', END: 'field.time', ORDER: 'time.order', OVERLAP: 'hours.overlap' } as const;

/** One week of intervals, checked by the domain's schedule rules; each problem by index and field. */
const intervals = () =>
  field<Array<{ weekday: number; start: string; end: string }>, Array<{ weekday: number; start: string; end: string }>>(
    {
      type: 'array',
      maxItems: 70,
      items: {
        type: 'object',
        required: ['weekday', 'start', 'end'],
        properties: {
          weekday: { type: 'integer', minimum: 1, maximum: 7 },
          start: { type: 'string', example: '08:30' },
          end: { type: 'string', example: '12:30' },
        },
      },
    },
    (raw, fail) => {
      if (raw === undefined || raw === null) return fail('field.required');
      if (!Array.isArray(raw)) return fail('field.array');
      if (raw.length > 70) return fail('field.tooMany', { max: 70 });
      const items = (raw as unknown[]).map((item, index) => {
        if (!isObject(item)) fail('field.object', undefined, [index]);
        const value = isObject(item) ? item : {};
        return { weekday: value['weekday'], start: value['start'], end: value['end'] };
      });
      for (const issue of weeklyScheduleIssues(items)) fail(INTERVAL_KEYS[issue.problem], undefined, [issue.index, issue.field]);
      return items as Array<{ weekday: number; start: string; end: string }>;
    },
  );

export const OpeningHoursRequestSchema = body({
  serviceId: optionalUuid({ description: "a service's own week; absent or null: the office's" }).transform((id) => id ?? null),
  intervals: intervals(),
  confirm: optionalBoolean(false),
}).meta({ id: 'OpeningHoursRequest' });

// ---- Desks --------------------------------------------------------------------------

export const DeskRequestSchema = body({
  number: integer(1, 999),
  name: text(60),
  active: optionalBoolean(true),
  serviceIds: uuids(50),
  confirm: optionalBoolean(false),
}).meta({ id: 'DeskRequest' });

// ---- Staff accounts -----------------------------------------------------------------

const role = () =>
  field<StaffRole, StaffRole>({ type: 'string', enum: STAFF_ROLES }, (raw, fail) => {
    if (raw === undefined || raw === null || raw === '') return fail('field.required');
    if (!STAFF_ROLES.includes(raw as StaffRole)) return fail('field.oneOf', { allowed: STAFF_ROLES.join(', ') });
    return raw as StaffRole;
  });

/** A new password: its length here; its strength (`strength`) where the account is known. */
const newPassword = () =>
  secret(10_000).transform((password, ctx) => {
    const length = [...password].length;
    if (length < MIN_PASSWORD_LENGTH) ctx.issues.push({ code: 'custom', message: 'password.TOO_SHORT', input: password, params: { min: MIN_PASSWORD_LENGTH } });
    else if (length > MAX_PASSWORD_LENGTH)
      ctx.issues.push({ code: 'custom', message: 'password.TOO_LONG', input: password, params: { max: MAX_PASSWORD_LENGTH } });
    return password;
  });

type OfficeRule = { role?: StaffRole; officeIds?: string[] };
/** Every role but admin needs at least one office; an admin's list is empty (every office). */
function offices(value: OfficeRule, check: { has(path: string): boolean; add(path: string, key: string): void }): string[] {
  if (value.role === 'admin') return [];
  if ((value.officeIds ?? []).length === 0 && !check.has('officeIds') && !check.has('role')) check.add('officeIds', 'staff.officesRequired');
  return value.officeIds ?? [];
}

/** How strong a password is for an account: a problem's message key, or null (the api's zxcvbn). */
export type PasswordStrength = (password: string, owner: { username: string; displayName: string }) => { key: string; params?: Params } | null;

const OFFICE_IDS = uuids(100);

export const staffUserCreateRequestSchema = (strength: PasswordStrength | null) =>
  body(
    {
      username: text(64, { example: 'mario.rossi', description: 'Case-insensitive: stored in lower case' }).transform((value, ctx) => {
        const username = value.normalize('NFC').trim().toLowerCase();
        if (!USERNAME.test(username)) problem(ctx, 'staff.usernameFormat', value);
        return username;
      }),
      displayName: text(120),
      role: role(),
      password: newPassword(),
      officeIds: readByRules<string[] | null>({ type: ['array', 'null'], maxItems: 100, items: { type: 'string', format: 'uuid' } }).optional(),
    },
    (value, check, raw) => {
      if (strength && value.password !== undefined && !check.has('password')) {
        // The names as typed (a username of the wrong form still counts: it may not be in the password).
        const typed = (field: string, max: number): string => {
          const result = text(max).safeParse(raw[field]);
          return result.success ? result.data : '';
        };
        const weak = strength(value.password, {
          username: typed('username', 64).normalize('NFC').trim().toLowerCase(),
          displayName: typed('displayName', 120),
        });
        if (weak) check.add('password', weak.key, weak.params);
      }
      const officeIds = check.read(['officeIds'], OFFICE_IDS, raw['officeIds']) ?? [];
      return {
        username: value.username ?? '',
        displayName: value.displayName ?? '',
        role: value.role ?? 'operator',
        password: value.password ?? '',
        officeIds: offices({ role: value.role, officeIds }, check),
      };
    },
  ).meta({ id: 'StaffUserCreateRequest' });

export const StaffUserCreateRequestSchema = staffUserCreateRequestSchema(null);

export const StaffUserUpdateRequestSchema = body({ displayName: text(120), role: role(), active: boolean(), officeIds: uuids(100) }, (value, check) => ({
  displayName: value.displayName ?? '',
  role: value.role ?? 'operator',
  active: value.active ?? true,
  officeIds: offices(value, check),
})).meta({ id: 'StaffUserUpdateRequest' });

export const PasswordResetRequestSchema = body({ password: newPassword() }).meta({ id: 'PasswordResetRequest' });
