/**
 * One appointment as an iCalendar (RFC 5545) object, for the confirmation e-mail and the
 * "add to calendar" link. Times are written in local wall time with a TZID, so calendars
 * show "09:00" even if the citizen's device is in another zone, plus the VTIMEZONE that
 * defines that zone (RFC 5545 requires it for every TZID used).
 */
import { DateTime, IANAZone } from 'luxon';
import { CRLF, escapeText, foldLine } from './ics-text';

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type IcsStatus = 'CONFIRMED' | 'CANCELLED';

export interface IcsEvent {
  /** Stable across updates and cancellation of the same booking, e.g. `CIE-7K3P9Q@sportello.example.it`. */
  uid: string;
  /** 0 at creation; increase on every reschedule or cancellation so calendars replace the old copy. */
  sequence: number;
  /** ISO-8601 instant with `Z` or an explicit offset, e.g. `2027-10-31T09:00:00+01:00`. */
  start: string;
  end: string;
  /** Only `Europe/Rome` is supported. */
  timeZone: string;
  summary: string;
  description: string;
  location: string;
  organizerName?: string;
  organizerEmail?: string;
  url?: string;
  /** Default PUBLISH. */
  method?: IcsMethod;
  /** Default CANCELLED for METHOD:CANCEL, CONFIRMED otherwise. */
  status?: IcsStatus;
  /** Adds a display alarm this many minutes before the start (not for cancelled events). */
  alarmMinutesBefore?: number;
  /** Written as DTSTAMP: when this iCalendar object was created. */
  now: Date;
}

export const ICS_PRODID = '-//Sportello//Prenotazioni//IT';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Europe/Rome as observed since 1996 (EU rule): CEST from the last Sunday of March 02:00,
 * CET from the last Sunday of October 03:00. Bookings are never in the past, so older rules
 * are not needed.
 *
 * Only this zone is supported: writing a correct VTIMEZONE for any IANA zone means
 * deriving its rules from tz data, which the product (one Italian comune) does not need.
 * Other zones throw rather than produce a calendar with wrong times.
 */
const VTIMEZONES: Record<string, string[]> = {
  'Europe/Rome': [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Rome',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ],
};

/** The whole VCALENDAR: CRLF line endings (a final CRLF included), lines folded at 75 octets. */
export function buildIcsEvent(event: IcsEvent): string {
  const vtimezone = VTIMEZONES[event.timeZone];
  if (!vtimezone) throw new Error(`timeZone must be "Europe/Rome" (the only VTIMEZONE provided), got ${JSON.stringify(event.timeZone)}`);
  const method = event.method ?? 'PUBLISH';
  const status = eventStatus(method, event.status);
  const start = parseInstant(event.start, 'start');
  const end = parseInstant(event.end, 'end');
  if (end <= start) throw new Error(`end must be after start, got ${event.start} → ${event.end}`);
  assertSequence(event.sequence);

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...vtimezone,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.now)}`,
    `SEQUENCE:${event.sequence}`,
    dateTimeProperty('DTSTART', start, event.timeZone),
    dateTimeProperty('DTEND', end, event.timeZone),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    ...organizerLines(event.organizerName, event.organizerEmail),
    ...(event.url === undefined ? [] : [`URL:${checkedUri(event.url, 'url')}`]),
    `STATUS:${status}`,
    ...alarmLines(event.alarmMinutesBefore, status, event.summary),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventStatus(method: IcsMethod, status: IcsStatus | undefined): IcsStatus {
  if (status === undefined) return method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED';
  // A CANCEL message for a confirmed event contradicts itself: a caller bug.
  if (method === 'CANCEL' && status !== 'CANCELLED') throw new Error('METHOD:CANCEL needs STATUS:CANCELLED');
  return status;
}

/** Epoch milliseconds of an ISO instant that states its offset (a local time alone is ambiguous). */
function parseInstant(value: string, what: string): number {
  const parsed = typeof value === 'string' && ISO_WITH_OFFSET.test(value) ? DateTime.fromISO(value, { setZone: true }) : null;
  if (!parsed || !parsed.isValid) throw new Error(`${what} must be an ISO-8601 instant with Z or an offset, got ${JSON.stringify(value)}`);
  // iCalendar DATE-TIME has whole seconds; silently truncating would move the appointment.
  if (parsed.millisecond !== 0) throw new Error(`${what} must be a whole second, got ${value}`);
  return parsed.toMillis();
}

/**
 * `DTSTART;TZID=Europe/Rome:20271031T090000`. RFC 5545 reads a repeated local time (the
 * fall-back hour) as its first occurrence, so an instant in the second occurrence
 * (e.g. 02:30+01:00) is written in UTC instead, which is unambiguous.
 */
function dateTimeProperty(name: string, instantMs: number, timeZone: string): string {
  if (isSecondOccurrence(instantMs, timeZone)) return `${name}:${formatUtc(new Date(instantMs))}`;
  const local = DateTime.fromMillis(instantMs, { zone: timeZone });
  return `${name};TZID=${timeZone}:${local.toFormat("yyyyMMdd'T'HHmmss")}`;
}

/** True if the same local wall time was already shown earlier (with a larger offset). */
function isSecondOccurrence(instantMs: number, timeZone: string): boolean {
  const zone = IANAZone.create(timeZone);
  const offset = zone.offset(instantMs);
  const DAY_MS = 86_400_000;
  const otherOffsets = [zone.offset(instantMs - DAY_MS), zone.offset(instantMs + DAY_MS)].filter((o) => o > offset);
  return otherOffsets.some((other) => {
    const earlier = instantMs - (other - offset) * 60_000;
    return zone.offset(earlier) === other;
  });
}

function formatUtc(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error('now must be a valid Date');
  return DateTime.fromJSDate(date, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
}

function assertSequence(sequence: number): void {
  if (!Number.isInteger(sequence) || sequence < 0) throw new Error(`sequence must be an integer ≥ 0, got ${sequence}`);
}

/** `ORGANIZER;CN="Comune di …":mailto:urp@…`; CN is always quoted since it may contain `:;,`. */
function organizerLines(name: string | undefined, email: string | undefined): string[] {
  if (email === undefined) {
    if (name !== undefined) throw new Error('organizerName needs organizerEmail (ORGANIZER is an address)');
    return [];
  }
  const address = `mailto:${checkedUri(email, 'organizerEmail')}`;
  if (name === undefined) return [`ORGANIZER:${address}`];
  // A quoted parameter value cannot contain DQUOTE or control characters (RFC 5545 3.1).
  const cn = name.replace(/["\u0000-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
  return [`ORGANIZER;CN="${cn}":${address}`];
}

/** URIs are not TEXT (no escaping), so anything that would break the line is refused. */
function checkedUri(value: string, what: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof value !== 'string' || value === '' || /[\s"\u0000-\u001f\u007f]/.test(value)) {
    throw new Error(`${what} must be non-empty without spaces, quotes or control characters, got ${JSON.stringify(value)}`);
  }
  return value;
}

function alarmLines(minutesBefore: number | undefined, status: IcsStatus, summary: string): string[] {
  if (minutesBefore === undefined) return [];
  if (!Number.isInteger(minutesBefore) || minutesBefore < 0) throw new Error(`alarmMinutesBefore must be an integer ≥ 0, got ${minutesBefore}`);
  // No reminder for an appointment that will not take place.
  if (status === 'CANCELLED') return [];
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-PT${minutesBefore}M`, `DESCRIPTION:${escapeText(summary)}`, 'END:VALARM'];
}
