/**
 * Pure date arithmetic for the availability calendar. Dates are local calendar dates
 * written "YYYY-MM-DD" and months "YYYY-MM"; arithmetic is done on UTC midnights so
 * neither the browser's time zone nor DST can shift a day.
 */

export type IsoDate = string;
export type IsoMonth = string;

export interface CalendarDay {
  date: IsoDate;
  /** Day of the month, 1–31. */
  day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  available: boolean;
}

/** One row of the grid: seven cells, Monday first; null pads days of other months. */
export type CalendarWeek = (CalendarDay | null)[];

export interface CalendarMonth {
  month: IsoMonth;
  weeks: CalendarWeek[];
  availableCount: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function toUtc(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(toUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function addMonths(month: IsoMonth, count: number): IsoMonth {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function daysInMonth(month: IsoMonth): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The months touched by a date range, in order. */
export function monthsInRange(from: IsoDate, to: IsoDate): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) {
    months.push(month);
  }
  return months;
}

/** The local date in a time zone at an instant (e.g. "today in Europe/Rome"). */
export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The weeks of a month, Monday first, marking the days found in `available`. */
export function buildMonth(month: IsoMonth, available: ReadonlySet<IsoDate>): CalendarMonth {
  const first = `${month}-01`;
  const length = daysInMonth(month);
  const cells: (CalendarDay | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  let availableCount = 0;
  for (let day = 1; day <= length; day++) {
    const date = `${month}-${pad(day)}`;
    const isAvailable = available.has(date);
    if (isAvailable) availableCount++;
    cells.push({ date, day, weekday: isoWeekday(date), available: isAvailable });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: CalendarWeek[] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { month, weeks, availableCount };
}

/** The month to open the calendar on: the first with a free day, else the fallback. */
export function initialMonth(availableDates: readonly IsoDate[], fallback: IsoDate): IsoMonth {
  const first = [...availableDates].sort()[0];
  return monthOf(first ?? fallback);
}

export function firstAvailableInMonth(month: IsoMonth, available: ReadonlySet<IsoDate>): IsoDate | null {
  const length = daysInMonth(month);
  for (let day = 1; day <= length; day++) {
    const date = `${month}-${pad(day)}`;
    if (available.has(date)) return date;
  }
  return null;
}

export type CalendarKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Where a key press moves the focus from `date`, stepping over days without free slots
 * (they are disabled buttons and cannot take focus). Left/Right: previous/next free day;
 * Up/Down: the same weekday one week away, or the nearest free day beyond it in that
 * direction; Home/End: first/last free day of the week row; PageUp/PageDown: the first
 * free day of the previous/next month that has one. Returns null when nothing is there.
 */
export function moveFocus(date: IsoDate, key: CalendarKey, available: ReadonlySet<IsoDate>): IsoDate | null {
  const sorted = [...available].sort();
  if (sorted.length === 0) return null;
  const next = (from: IsoDate) => sorted.find((d) => d > from) ?? null;
  const previous = (from: IsoDate) => [...sorted].reverse().find((d) => d < from) ?? null;
  switch (key) {
    case 'ArrowRight':
      return next(date);
    case 'ArrowLeft':
      return previous(date);
    case 'ArrowDown':
      return next(addDays(date, 6));
    case 'ArrowUp':
      return previous(addDays(date, -6));
    case 'Home': {
      const monday = addDays(date, 1 - isoWeekday(date));
      return sorted.find((d) => d >= monday && d <= date) ?? null;
    }
    case 'End': {
      const sunday = addDays(date, 7 - isoWeekday(date));
      return [...sorted].reverse().find((d) => d <= sunday && d >= date) ?? null;
    }
    case 'PageDown': {
      const month = monthOf(date);
      return sorted.find((d) => monthOf(d) > month) ?? null;
    }
    case 'PageUp': {
      const month = monthOf(date);
      const earlier = sorted.filter((d) => monthOf(d) < month);
      if (earlier.length === 0) return null;
      const target = monthOf(earlier[earlier.length - 1]);
      return earlier.find((d) => monthOf(d) === target) ?? null;
    }
  }
}
