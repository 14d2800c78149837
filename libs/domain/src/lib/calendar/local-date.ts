/**
 * Local calendar dates ("YYYY-MM-DD") as plain strings, with zone-free day arithmetic.
 * A local date has no time zone of its own, so this file needs no time-zone library
 * (see zone.ts for the zone-dependent parts).
 */
export const MINUTE_MS = 60 * 1000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? NaN;
}

/** Strict "YYYY-MM-DD" that exists in the (proleptic Gregorian) calendar: "2027-02-30" is not valid. */
export function isValidLocalDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const match = LOCAL_DATE.exec(s);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * The dates the system works with: anything before or after is a typing mistake or a probe,
 * and is refused with the field named instead of reaching date arithmetic or PostgreSQL
 * (year 9999 plus a horizon overflows a timestamp).
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';

/** A valid "YYYY-MM-DD" between EARLIEST_DATE and LATEST_DATE (fixed-width strings compare as dates). */
export function isSaneLocalDate(s: string): boolean {
  return isValidLocalDate(s) && s >= EARLIEST_DATE && s <= LATEST_DATE;
}

/** Splits a local date into numbers; throws a clear error if it is not a valid "YYYY-MM-DD". */
export function parseLocalDate(s: string, what = 'date'): { year: number; month: number; day: number } {
  if (!isValidLocalDate(s)) {
    throw new Error(`${what} must be a valid local date "YYYY-MM-DD", got ${JSON.stringify(s)}`);
  }
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

/** Builds "YYYY-MM-DD" from numbers (month 1–12). */
export function formatLocalDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date's midnight as if it were UTC. Used only for day arithmetic, where UTC has no DST.
 * Internal (not exported from the library). setUTCFullYear is used instead of Date.UTC because Date.UTC maps years 0–99 to 1900–1999.
 */
export function utcMidnightMs(date: string): number {
  const { year, month, day } = parseLocalDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function fromUtcMidnightMs(ms: number): string {
  const d = new Date(ms);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addDays: n must be an integer, got ${n}`);
  return fromUtcMidnightMs(utcMidnightMs(date) + n * DAY_MS);
}

/** Calendar days from `from` to `to`: 0 for the same date, negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnightMs(to) - utcMidnightMs(from)) / DAY_MS);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const jsDay = new Date(utcMidnightMs(date)).getUTCDay(); // 0 = Sunday
  return jsDay === 0 ? 7 : jsDay;
}
