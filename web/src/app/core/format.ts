/**
 * Display formatting with Intl. Dates of the calendar are plain local dates
 * ("YYYY-MM-DD"); slot times are instants shown in the office's time zone
 * (Europe/Rome), never in the browser's.
 */

export const OFFICE_TIME_ZONE = 'Europe/Rome';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/*
 * The citizen home page shows fees and weekday names as it first renders. The first
 * Intl.NumberFormat or DateTimeFormat of a page costs 20–50 ms of main thread in Chromium
 * (loading ICU's locale data), a long task on a phone; so for the app's own two locales
 * these are written out here (format.spec.ts checks them against Intl), Intl otherwise.
 */
const WEEKDAYS: Record<string, Record<'long' | 'short', readonly string[]>> = {
  'it-IT': {
    long: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
    short: ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
  },
  'en-GB': {
    long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
};

const MONTHS: Record<string, readonly string[]> = {
  'it-IT': ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  'en-GB': ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "30 aprile 2027" / "30 April 2027" for a "YYYY-MM-DD" date, as Intl writes it (day, long month, year); Intl for other locales. */
export function formatDateByHand(isoDate: string, locale: string): string {
  const months = MONTHS[locale];
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!months) return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDate(isoDate));
  return `${d} ${months[m - 1]} ${y}`;
}

/** Euro amounts as Intl writes them: "1234,56 €" and "12.345,67 €" (it-IT), "€12,345.67" (en-GB). */
function euroByHand(cents: number, locale: string): string | null {
  if (!Number.isInteger(cents) || cents < 0 || (locale !== 'it-IT' && locale !== 'en-GB')) return null;
  const euros = String(Math.floor(cents / 100));
  const decimals = String(cents % 100).padStart(2, '0');
  const it = locale === 'it-IT';
  // Italian groups thousands only from five digits on (minimum grouping digits 2).
  const grouped = it && euros.length < 5 ? euros : euros.replace(/\B(?=(\d{3})+$)/g, it ? '.' : ',');
  return it ? `${grouped},${decimals}\u00a0€` : `€${grouped}.${decimals}`;
}

function euroFormat(locale: string): Intl.NumberFormat {
  const key = `n|${locale}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    cache.set(key, format);
  }
  return format;
}

/** A "YYYY-MM-DD" local date as a Date at UTC midnight, for formatting with timeZone UTC. */
function utcDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "22,21 €" (it-IT); null means the service is free and is reported as such by the caller. */
export function formatEuroCents(cents: number, locale: string): string {
  return euroByHand(cents, locale) ?? euroFormat(locale).format(cents / 100);
}

/** The wall-clock time of an instant in the office time zone: "08:30". */
export function formatTime(instant: string, locale: string, timeZone = OFFICE_TIME_ZONE): string {
  return dateFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

/** "martedì 30 marzo 2027" / "Tuesday, 30 March 2027". */
export function formatLongDate(isoDate: string, locale: string): string {
  return dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(isoDate));
}

/** "marzo 2027" / "March 2027" for a "YYYY-MM" month. */
export function formatMonth(month: string, locale: string): string {
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDate(`${month}-01`));
}

/** Names of the ISO weekday 1 (Monday) … 7 (Sunday). */
export function weekdayName(isoWeekday: number, locale: string, width: 'long' | 'short'): string {
  const known = WEEKDAYS[locale]?.[width][isoWeekday - 1];
  if (known) return known;
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoWeekday));
  return dateFormat(locale, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** "8:30" style times from the API's "HH:mm" are shown as given: "08:30–12:30". */
export function formatInterval(start: string, end: string): string {
  return `${start}–${end}`;
}

/** The local date of an instant in the office time zone: "lunedì 29 marzo 2027". */
export function formatInstantDate(instant: string, locale: string, timeZone = OFFICE_TIME_ZONE): string {
  return dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(instant));
}

/**
 * The name of the zone's time at that instant, in words: "Ora legale dell’Europa centrale",
 * "Central European Summer Time" (so nobody reads the time in their own zone).
 */
export function formatZoneName(instant: string, locale: string, timeZone = OFFICE_TIME_ZONE): string {
  const parts = dateFormat(locale, { timeZoneName: 'long', timeZone }).formatToParts(new Date(instant));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** An instant in the compact UTC form of iCalendar and Google Calendar: "20270329T063000Z". */
export function utcStamp(instant: string): string {
  return new Date(instant)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A short local date of an instant: "29 mar 2027" / "29 Mar 2027". */
export function formatShortDate(instant: string, locale: string, timeZone = OFFICE_TIME_ZONE): string {
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(instant));
}

/** Local date, times and — outside Italy — the zone's name of an appointment, for display (empty: Italian time). */
export function appointmentWhen(start: string, end: string, locale: string, timeZone = OFFICE_TIME_ZONE): { date: string; time: string; zone: string } {
  return {
    date: formatInstantDate(start, locale, timeZone),
    time: `${formatTime(start, locale, timeZone)}–${formatTime(end, locale, timeZone)}`,
    // For citizens, Rome's time is "ora italiana" (the page's own words); another zone is named.
    zone: timeZone === OFFICE_TIME_ZONE ? '' : `${formatZoneName(start, locale, timeZone)} (${timeZone})`,
  };
}
