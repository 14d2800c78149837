/** Inputs and outputs of the slot calendar. Times of day are local to `timeZone`. */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WeeklyInterval {
  weekday: IsoWeekday;
  /** Local wall-clock time "HH:mm". */
  start: string;
  /** Local wall-clock time "HH:mm", after `start`. */
  end: string;
}

/** A closure as a half-open interval of instants [start, end); ISO-8601 strings. */
export interface Closure {
  start: string;
  end: string;
}

export interface MonthDay {
  month: number;
  day: number;
}

export interface CalendarRules {
  /** IANA zone, e.g. "Europe/Rome". */
  timeZone: string;
  openingHours: WeeklyInterval[];
  /** Slot length = the service's duration. */
  durationMinutes: number;
  /** Parallel desks: how many citizens one slot can take. */
  capacity: number;
  /** A slot must start at least this long after `now`. */
  minNoticeMinutes: number;
  /** The last bookable local date is today + horizonDays. */
  horizonDays: number;
  closures: Closure[];
  /** The comune's patron saint's day (a local holiday), if any. */
  patronSaintDay?: MonthDay | null;
}

export interface Slot {
  /** Local date YYYY-MM-DD of the slot. */
  date: string;
  /** ISO-8601 with the local offset, e.g. "2027-03-29T08:30:00+02:00". */
  start: string;
  end: string;
  capacity: number;
}

export interface DateRange {
  /** Local dates YYYY-MM-DD, both included. */
  from: string;
  to: string;
}
