/** Request schemas of the public calendar, the front desk, closures, statistics, the audit log, notifications and login. */
import { daysBetween, isBookingCodeFormat, MAX_PASSWORD_LENGTH, normalizeBookingCode } from '@sportello/domain';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../admin';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '../notifications';
import { MAX_MONTHLY_VALUE } from '../stats';
import { LANGUAGES, MAX_AVAILABILITY_RANGE_DAYS } from '../calendar';
import type { Params } from './fields';
import {
  body,
  field,
  isObject,
  localDate,
  monthProblem,
  optionalBoolean,
  optionalLocalDate,
  optionalText,
  optionalUuid,
  params,
  query,
  secret,
  text,
  uuid,
} from './fields';

// --- the public calendar -----------------------------------------------------------------

export const ServicesQuerySchema = params({ officeId: query.uuid() });

export const AvailabilityQuerySchema = params(
  {
    officeId: query.uuid(),
    serviceId: query.uuid(),
    from: query.localDate(),
    to: query.localDate({ description: `last day, included; at most ${MAX_AVAILABILITY_RANGE_DAYS} days` }),
  },
  (value, check) => {
    if (check.has('from') || check.has('to') || value.from === undefined || value.to === undefined) return;
    const days = daysBetween(value.from, value.to);
    if (days < 0) check.add('to', 'range.reversed', { max: MAX_AVAILABILITY_RANGE_DAYS });
    else if (days + 1 > MAX_AVAILABILITY_RANGE_DAYS) check.add('to', 'range.tooLong', { max: MAX_AVAILABILITY_RANGE_DAYS });
  },
);

// --- the front desk --------------------------------------------------------------------

export const WalkInRequestSchema = body({
  serviceId: uuid(),
  priority: optionalBoolean(false),
  name: optionalText(100, { description: 'Shown to staff only' }).transform((value) => value ?? null),
  force: optionalBoolean(false, { description: 'Give the ticket even when the office is closed now' }),
}).meta({ id: 'WalkInRequest' });

export const TodayQuerySchema = params({ officeId: query.optionalUuid() });

/** The booking code of a check-in path (`CIE-7K3P9Q`; capitals, spaces and the dash do not matter), normalised. */
export const bookingCodeParam = () =>
  field<string, string>({ type: 'string', example: 'CIE-7K3P9Q' }, (raw, fail) => {
    const normalized = normalizeBookingCode(typeof raw === 'string' ? raw : '');
    return isBookingCodeFormat(normalized) ? normalized : fail('bookingCode.format');
  });

const checkInForce = () => optionalBoolean(false, { description: 'Staff (not the kiosk): check in outside the check-in window' });
/** The body of a check-in. */
export const CheckInBodySchema = body({ force: checkInForce() }).meta({ id: 'CheckInRequest' });
/** A check-in: its body with the path's booking code, checked together. */
export const CheckInRequestSchema = params({ force: checkInForce(), code: bookingCodeParam() });

export const AgendaQuerySchema = params({
  date: query.optionalDate({ description: "default: today in the office's zone" }),
  q: query.optionalText(100, { description: 'code, name or e-mail' }),
});

export const TicketIdRequestSchema = body({ ticketId: uuid() }).meta({ id: 'TicketIdRequest' });
export const CompleteRequestSchema = body({ outcome: text(40, { example: 'DONE' }) }).meta({ id: 'CompleteRequest' });
export const TransferRequestSchema = body({ serviceId: uuid() }).meta({ id: 'TransferRequest' });
export const PauseRequestSchema = body({
  paused: field<boolean, boolean>({ type: 'boolean' }, (raw, fail) =>
    raw === undefined || raw === null ? fail('field.required') : typeof raw === 'boolean' ? raw : fail('field.boolean'),
  ),
}).meta({ id: 'PauseRequest' });

// --- closures --------------------------------------------------------------------------

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const ClosureRequestSchema = body(
  {
    from: localDate(),
    to: optionalLocalDate({ description: 'last closed day (default: from)' }),
    startTime: optionalText(5, { example: '14:30', description: 'with endTime: only this range of a single day' }),
    endTime: optionalText(5, { example: '17:30' }),
    serviceId: optionalUuid({ description: 'close only this service' }),
    reason: text(200),
    confirm: optionalBoolean(false),
  },
  (value, check) => {
    const from = value.from ?? '';
    const to = value.to ?? from;
    const startTime = value.startTime ?? null;
    const endTime = value.endTime ?? null;
    if (!check.has('from') && !check.has('to') && to < from) check.add('to', 'range.reversed');
    if ((startTime === null) !== (endTime === null)) check.add(startTime === null ? 'startTime' : 'endTime', 'field.required');
    if (startTime !== null && !HH_MM.test(startTime)) check.add('startTime', 'field.time');
    if (endTime !== null && !HH_MM.test(endTime)) check.add('endTime', 'field.time');
    if (startTime && endTime && HH_MM.test(startTime) && HH_MM.test(endTime) && endTime <= startTime) check.add('endTime', 'closure.timeOrder');
    if (startTime !== null && to !== from) check.add('to', 'closure.singleDay');
    return { from, to, startTime, endTime, serviceId: value.serviceId ?? null, reason: value.reason ?? '', confirm: value.confirm ?? false };
  },
).meta({ id: 'ClosureRequest' });

// --- the audit log and the e-mail log ----------------------------------------------------

export const AuditQuerySchema = params(
  {
    from: query.optionalDate(),
    to: query.optionalDate(),
    actor: query.optionalText(64, { description: 'username' }).transform((value) => value?.toLowerCase()),
    action: query.optionalOneOf(AUDIT_ACTIONS),
    entity: query.optionalOneOf(AUDIT_ENTITIES),
    officeId: query.optionalUuid(),
    page: query.optionalInt(1, 100_000, { default: 1 }).transform((value) => value ?? 1),
    pageSize: query.optionalInt(1, 200, { default: 50 }).transform((value) => value ?? 50),
  },
  (value, check) => {
    if (value.from && value.to && !check.has('from') && !check.has('to') && value.to < value.from) check.add('to', 'range.reversed');
  },
);

export const NOTIFICATIONS_MAX_LIMIT = 500;

export const NotificationsQuerySchema = params({
  status: field<(typeof NOTIFICATION_STATUSES)[number], (typeof NOTIFICATION_STATUSES)[number] | undefined>(
    { type: 'string', enum: NOTIFICATION_STATUSES },
    (raw, fail) =>
      typeof raw === 'string' && (NOTIFICATION_STATUSES as readonly string[]).includes(raw)
        ? (raw as (typeof NOTIFICATION_STATUSES)[number])
        : fail('badRequest'),
  ).optional(),
  channel: field<(typeof NOTIFICATION_CHANNELS)[number], (typeof NOTIFICATION_CHANNELS)[number] | undefined>(
    { type: 'string', enum: NOTIFICATION_CHANNELS },
    (raw, fail) =>
      typeof raw === 'string' && (NOTIFICATION_CHANNELS as readonly string[]).includes(raw)
        ? (raw as (typeof NOTIFICATION_CHANNELS)[number])
        : fail('badRequest'),
  ).optional(),
  limit: field<string, number>({ type: 'integer', minimum: 1, maximum: NOTIFICATIONS_MAX_LIMIT, default: 50 }, (raw, fail) => {
    const limit = raw === undefined ? 50 : Number(raw);
    return typeof (raw ?? '') !== 'string' || !Number.isInteger(limit) || limit < 1 || limit > NOTIFICATIONS_MAX_LIMIT ? fail('badRequest') : limit;
  })
    .optional()
    .transform((limit) => limit ?? 50),
  /** As given (the office check compares it as it came); lower-cased by the controller. */
  officeId: field<string, string>({ type: 'string', format: 'uuid' }, (raw, fail) =>
    typeof raw === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw) ? raw : fail('field.uuid'),
  ).optional(),
});

// --- login -------------------------------------------------------------------------------

export const LoginRequestSchema = body({
  username: text(200, { example: 'operatore', description: 'Case-insensitive' }),
  password: secret(MAX_PASSWORD_LENGTH),
}).meta({ id: 'LoginRequest' });

// --- statistics ------------------------------------------------------------------------

/** The longest period a statistics view covers: two mandates and some. */
export const MAX_PERIOD_DAYS = 4_000;

const format = () =>
  field<'json' | 'csv', 'json' | 'csv'>(
    {
      type: 'string',
      enum: ['json', 'csv'],
      default: 'json',
      description:
        'csv: a download (UTF-8 with BOM): `lang=it` semicolons, decimal comma and Italian column names for Excel in Italian; `lang=en` RFC 4180 with stable column names',
    },
    (raw, fail) => {
      if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return 'json';
      if (Array.isArray(raw)) return fail('field.single');
      const value = (typeof raw === 'string' ? raw : JSON.stringify(raw)).trim();
      if ([...value].length > 10) return fail('field.tooLong', { max: 10 });
      return value === 'json' || value === 'csv' ? value : fail('field.format');
    },
  )
    .optional()
    .transform((value) => value ?? 'json');

export const PeriodQuerySchema = params(
  {
    from: query.localDate({ example: '2019-06-01', description: 'first local date' }),
    to: query.localDate({ example: '2024-05-31', description: 'last local date, included' }),
    officeId: query.optionalUuid({ description: 'one office; default: every office of the account' }),
    format: format(),
    lang: query.optionalOneOf(LANGUAGES, { description: 'the CSV dialect and labels; default Accept-Language' }),
  },
  (value, check) => {
    const [from, to] = [value.from ?? '', value.to ?? ''];
    if (!check.has('from') && !check.has('to')) {
      if (to < from) check.add('to', 'range.reversed');
      else if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) check.add('to', 'range.tooLong', { max: MAX_PERIOD_DAYS });
    }
    return { period: { from, to }, officeId: value.officeId, format: value.format ?? 'json', lang: value.lang };
  },
);

/** A month "YYYY-MM" of a query (absent: undefined); its form is checked by the query's rules. */
const queryMonth = (example: string) => query.optionalText(7, { pattern: '^\\d{4}-\\d{2}$', example });

export const HistoryQuerySchema = params(
  { officeId: query.uuid(), from: queryMonth('2019-06'), to: queryMonth('2024-05'), format: format() },
  (value, check) => {
    for (const field of ['from', 'to'] as const) {
      const month = value[field];
      const problem = month === undefined ? null : monthProblem(month);
      if (problem) check.add(field, problem.key, problem.params);
    }
    return { officeId: value.officeId ?? '', from: value.from, to: value.to, format: value.format ?? 'json' };
  },
);

export const OfficeQuerySchema = params({ officeId: query.uuid() });

export const CountersQuerySchema = params({
  year: field<string, number>({ type: 'integer', minimum: 2000, maximum: 2100, example: 2024 }, (raw, fail) => {
    let year: string | undefined;
    if (Array.isArray(raw)) fail('field.single');
    else if (typeof raw === 'string' && raw.trim() !== '') {
      if ([...raw.trim()].length > 4) fail('field.tooLong', { max: 4 });
      else year = raw.trim();
    }
    if (year === undefined) return fail('field.required');
    return !/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100 ? fail('field.year') : Number(year);
  }),
});

/** A counter: a whole number replaces the figure, null removes it, absent leaves it. */
const count = () =>
  field<number | null, number | null | undefined>({ type: ['integer', 'null'], minimum: 0, maximum: MAX_MONTHLY_VALUE }, (raw, fail) => {
    if (raw === undefined || raw === null) return raw;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_MONTHLY_VALUE) return fail('field.count', { max: MAX_MONTHLY_VALUE });
    return raw;
  }).optional();

const counts = { phoneCalls: count(), residencyOnline: count() };
const atLeastOne = (raw: Record<string, unknown>, add: () => void): void => {
  if (raw['phoneCalls'] === undefined && raw['residencyOnline'] === undefined) add();
};

/** The counters of one month; the month itself is the path's (`monthParam`). */
export const PutCountersRequestSchema = body(counts, (_value, check, raw) => atLeastOne(raw, () => check.add('phoneCalls', 'counters.empty'))).meta({
  id: 'PutCountersRequest',
});

/** A "YYYY-MM" path parameter. */
export const monthParam = () =>
  field<string, string>({ type: 'string', pattern: '^\\d{4}-\\d{2}$', example: '2024-03' }, (raw, fail) => {
    const problem = monthProblem(typeof raw === 'string' ? raw : '');
    return problem ? fail(problem.key, problem.params) : (raw as string);
  });

/**
 * Several months at once (at most 24): every item that is not an object first, then each
 * item's month (its form, or given twice) and counters.
 */
const counterMonths = () =>
  field<
    Array<{ month: string; phoneCalls?: number | null; residencyOnline?: number | null }>,
    Array<{ month: string; phoneCalls: number | null | undefined; residencyOnline: number | null | undefined }>
  >(
    {
      type: 'array',
      maxItems: 24,
      items: {
        type: 'object',
        required: ['month'],
        properties: {
          month: { type: 'string', pattern: '^\\d{4}-\\d{2}$', example: '2024-03' },
          phoneCalls: { type: ['integer', 'null'], minimum: 0, maximum: MAX_MONTHLY_VALUE },
          residencyOnline: { type: ['integer', 'null'], minimum: 0, maximum: MAX_MONTHLY_VALUE },
        },
      },
    },
    (raw, fail) => {
      if (raw === undefined || raw === null) return fail('field.required');
      if (!Array.isArray(raw)) return fail('field.array');
      if (raw.length > 24) return fail('field.tooMany', { max: 24 });
      const items = raw as unknown[];
      items.forEach((item, index) => {
        if (!isObject(item)) fail('field.object', undefined, [index]);
      });
      const seen = new Set<string>();
      const months = items.map((item, index) => {
        const values = isObject(item) ? item : {};
        const given = text(7).safeParse(values['month']);
        if (!given.success) for (const issue of given.error.issues) fail(issue.message, (issue as { params?: Params }).params, [index, 'month']);
        const month = given.success ? given.data : '';
        const problem = month ? monthProblem(month) : null;
        if (problem) fail(problem.key, problem.params, [index, 'month']);
        else if (seen.has(month)) fail('field.duplicate', undefined, [index, 'month']);
        seen.add(month);
        const counted = { month, phoneCalls: undefined as number | null | undefined, residencyOnline: undefined as number | null | undefined };
        for (const name of ['phoneCalls', 'residencyOnline'] as const) {
          const result = count().safeParse(values[name]);
          if (result.success) counted[name] = result.data;
          else for (const issue of result.error.issues) fail(issue.message, (issue as { params?: Params }).params, [index, name]);
        }
        atLeastOne(values, () => fail('counters.empty', undefined, [index, 'phoneCalls']));
        return counted;
      });
      if (months.length === 0) return fail('field.required');
      return months;
    },
  );

export const PutCounterMonthsRequestSchema = body({ months: counterMonths() }).meta({ id: 'PutCounterMonthsRequest' });
