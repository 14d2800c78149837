/**
 * Periods of the statistics: ranges of local dates (both ends included) in the office's
 * time zone, the presets offered to managers, and the months a period covers.
 */
import { addDays, daysInMonth, formatLocalDate, isValidLocalDate, parseLocalDate } from '../calendar/local-date';
import { assertValidTimeZone, wallTimeToInstant } from '../calendar/zone';

/** Local dates "YYYY-MM-DD", `from` ≤ `to`, both included. */
export interface LocalDateRange {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['today', 'month', 'year', 'mandate'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Strict "YYYY-MM" (month 01–12, year 0001–9999). */
export function isValidMonth(s: string): boolean {
  return typeof s === 'string' && MONTH.test(s) && s.slice(0, 4) !== '0000';
}

/** The month "YYYY-MM" of a local date. */
export function monthOf(date: string): string {
  parseLocalDate(date);
  return date.slice(0, 7);
}

/** First and last local date of a month. */
export function monthRange(month: string): LocalDateRange {
  if (!isValidMonth(month)) throw new Error(`month must be "YYYY-MM", got ${JSON.stringify(month)}`);
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: formatLocalDate(year, m, 1), to: formatLocalDate(year, m, daysInMonth(year, m)) };
}

/** `month` plus `n` months (n may be negative). */
export function addMonths(month: string, n: number): string {
  if (!isValidMonth(month)) throw new Error(`month must be "YYYY-MM", got ${JSON.stringify(month)}`);
  if (!Number.isInteger(n)) throw new Error(`addMonths: n must be an integer, got ${n}`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function assertValidRange(range: LocalDateRange): void {
  if (!isValidLocalDate(range.from) || !isValidLocalDate(range.to)) {
    throw new Error(`range must be two valid local dates, got ${JSON.stringify(range)}`);
  }
  if (range.from > range.to) throw new Error(`range.from ${range.from} is after range.to ${range.to}`);
}

/**
 * The local dates of a preset, given today's local date in the office's zone:
 * - `today`: today only;
 * - `month`: the whole calendar month of today (1st to last day);
 * - `year`: the whole calendar year of today (1 January to 31 December);
 * - `mandate`: the office's mandate (a setting), or `null` when the office has none.
 *
 * Month and year are whole calendar units, not "up to today": days still to come simply
 * have nothing recorded, and monthly figures (phone calls, imported history) of the
 * current month count as soon as they are entered.
 */
export function presetRange(preset: PeriodPreset, today: string, mandate: LocalDateRange | null = null): LocalDateRange | null {
  const { year } = parseLocalDate(today, 'today');
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'month':
      return monthRange(monthOf(today));
    case 'year':
      return { from: formatLocalDate(year, 1, 1), to: formatLocalDate(year, 12, 31) };
    case 'mandate':
      if (!mandate) return null;
      assertValidRange(mandate);
      return { from: mandate.from, to: mandate.to };
    default:
      throw new Error(`unknown preset ${JSON.stringify(preset)}`);
  }
}

/**
 * The instants bounding a range of local dates, half-open `[start, end)` in epoch ms: from
 * the first local midnight of `from` to the first local midnight after `to`. A range
 * containing the spring-forward day is one hour shorter than its days × 24 h, one with the
 * fall-back day one hour longer; no instant is counted twice or lost.
 */
export function rangeInstants(range: LocalDateRange, timeZone: string): { start: number; end: number } {
  assertValidRange(range);
  assertValidTimeZone(timeZone);
  return { start: wallTimeToInstant(range.from, 0, timeZone), end: wallTimeToInstant(addDays(range.to, 1), 0, timeZone) };
}

/** A month a period touches, with the part of it inside the period. */
export interface PeriodMonth {
  month: string;
  from: string;
  to: string;
  /** The whole calendar month lies inside the period. */
  whole: boolean;
}

/** The months a range touches, in order, each with the dates of it inside the range. */
export function monthsOfRange(range: LocalDateRange): PeriodMonth[] {
  assertValidRange(range);
  const months: PeriodMonth[] = [];
  const last = monthOf(range.to);
  for (let month = monthOf(range.from); month <= last; month = addMonths(month, 1)) {
    const whole = monthRange(month);
    const from = whole.from < range.from ? range.from : whole.from;
    const to = whole.to > range.to ? range.to : whole.to;
    months.push({ month, from, to, whole: from === whole.from && to === whole.to });
  }
  return months;
}
