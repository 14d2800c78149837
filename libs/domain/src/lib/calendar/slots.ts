/**
 * Slot generation: turns weekly opening hours into bookable slots for a range of local dates.
 * See README.md for the rules, including what happens on DST change days.
 */
import { italianHolidays, assertValidMonthDay } from './holidays';
import { MINUTE_MS, addDays, isoWeekday, parseLocalDate } from './local-date';
import type { CalendarRules, Closure, DateRange, MonthDay, Slot, WeeklyInterval } from './types';
import { assertValidTimeZone, formatInstant, localToday, parseInstant, parseWallTime, wallTimeToInstant } from './zone';

/** An opening interval in minutes after local midnight. */
interface DailyInterval {
  startMinute: number;
  endMinute: number;
}

/** A closure as epoch ms, half-open [start, end). */
interface ClosureMs {
  start: number;
  end: number;
}

function assertInteger(value: number, what: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${what} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
}

/** Validates the opening hours and groups them by ISO weekday, sorted by start. Overlaps are rejected. */
function openingHoursByWeekday(openingHours: WeeklyInterval[]): Map<number, DailyInterval[]> {
  if (!Array.isArray(openingHours)) throw new Error('openingHours must be an array');
  const byWeekday = new Map<number, DailyInterval[]>();
  for (const interval of openingHours) {
    if (!Number.isInteger(interval.weekday) || interval.weekday < 1 || interval.weekday > 7) {
      throw new Error(`openingHours weekday must be 1 (Monday) … 7 (Sunday), got ${JSON.stringify(interval.weekday)}`);
    }
    const startMinute = parseWallTime(interval.start, 'openingHours start');
    const endMinute = parseWallTime(interval.end, 'openingHours end');
    if (endMinute <= startMinute) {
      throw new Error(`openingHours end must be after start, got ${interval.start}–${interval.end}`);
    }
    const day = byWeekday.get(interval.weekday) ?? [];
    day.push({ startMinute, endMinute });
    byWeekday.set(interval.weekday, day);
  }
  for (const [weekday, intervals] of byWeekday) {
    intervals.sort((a, b) => a.startMinute - b.startMinute);
    // Overlapping intervals would yield the same slot twice; touching ones (12:30–12:30) are fine.
    for (let i = 1; i < intervals.length; i++) {
      const current = intervals[i];
      const previous = intervals[i - 1];
      if (current && previous && current.startMinute < previous.endMinute) {
        throw new Error(`openingHours overlap on weekday ${weekday}`);
      }
    }
  }
  return byWeekday;
}

function parseClosures(closures: Closure[]): ClosureMs[] {
  if (!Array.isArray(closures)) throw new Error('closures must be an array');
  return closures.map((closure) => {
    const start = parseInstant(closure.start, 'closure start');
    const end = parseInstant(closure.end, 'closure end');
    if (end <= start) throw new Error(`closure end must be after start, got ${closure.start} – ${closure.end}`);
    return { start, end };
  });
}

/**
 * The bookable slots of the local dates in [range.from, range.to], sorted by start.
 *
 * A date is skipped if it is a public holiday (patron saint's day included), before today or
 * after today + horizonDays (today = the local date in rules.timeZone at `now`). Each opening
 * interval of the date's weekday is cut into slots of durationMinutes from its start; a last
 * partial slot is dropped. Slots overlapping a closure, or starting before now + minNoticeMinutes,
 * are dropped. Slot times step in real (absolute) minutes, so DST days are handled correctly.
 */
export function generateSlots(rules: CalendarRules, range: DateRange, now: Date): Slot[] {
  const { timeZone } = rules;
  assertValidTimeZone(timeZone);
  assertInteger(rules.durationMinutes, 'durationMinutes', 1);
  assertInteger(rules.capacity, 'capacity', 0);
  assertInteger(rules.minNoticeMinutes, 'minNoticeMinutes', 0);
  assertInteger(rules.horizonDays, 'horizonDays', 0);
  if (rules.patronSaintDay != null) assertValidMonthDay(rules.patronSaintDay);
  const intervalsByWeekday = openingHoursByWeekday(rules.openingHours);
  const closures = parseClosures(rules.closures);
  parseLocalDate(range.from, 'range.from');
  parseLocalDate(range.to, 'range.to');
  if (range.from > range.to) throw new Error(`range.from must not be after range.to, got ${range.from} – ${range.to}`);

  const today = localToday(now, timeZone);
  const lastBookableDate = addDays(today, rules.horizonDays);
  // YYYY-MM-DD strings compare chronologically, so max/min work on them directly.
  const firstDate = range.from > today ? range.from : today;
  const lastDate = range.to < lastBookableDate ? range.to : lastBookableDate;
  const earliestStart = now.getTime() + rules.minNoticeMinutes * MINUTE_MS;
  const durationMs = rules.durationMinutes * MINUTE_MS;
  const isHolidayOn = holidayLookup(rules.patronSaintDay);

  const slots: { date: string; start: number; end: number }[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    if (isHolidayOn(date)) continue;
    for (const interval of intervalsByWeekday.get(isoWeekday(date)) ?? []) {
      const intervalStart = wallTimeToInstant(date, interval.startMinute, timeZone);
      const intervalEnd = wallTimeToInstant(date, interval.endMinute, timeZone);
      for (let start = intervalStart; start + durationMs <= intervalEnd; start += durationMs) {
        const end = start + durationMs;
        if (start < earliestStart) continue;
        if (closures.some((closure) => start < closure.end && closure.start < end)) continue;
        slots.push({ date, start, end });
      }
    }
  }

  return slots
    .sort((a, b) => a.start - b.start)
    .map(({ date, start, end }) => ({
      date,
      start: formatInstant(start, timeZone),
      end: formatInstant(end, timeZone),
      capacity: rules.capacity,
    }));
}

/** isHoliday with the holiday list computed once per year instead of once per date. */
function holidayLookup(patronSaintDay: MonthDay | null | undefined): (date: string) => boolean {
  const byYear = new Map<number, Set<string>>();
  return (date) => {
    const year = parseLocalDate(date).year;
    let dates = byYear.get(year);
    if (!dates) {
      dates = new Set(italianHolidays(year, patronSaintDay).map((h) => h.date));
      byYear.set(year, dates);
    }
    return dates.has(date);
  };
}

/**
 * A whole-day closure: from the start of local fromDate to the start of the local day after
 * toDate (both included), as ISO instants with the local offset.
 */
export function closureForLocalDates(fromDate: string, toDate: string, timeZone: string): Closure {
  assertValidTimeZone(timeZone);
  parseLocalDate(fromDate, 'fromDate');
  parseLocalDate(toDate, 'toDate');
  if (fromDate > toDate) throw new Error(`fromDate must not be after toDate, got ${fromDate} – ${toDate}`);
  return {
    start: formatInstant(wallTimeToInstant(fromDate, 0, timeZone), timeZone),
    end: formatInstant(wallTimeToInstant(addDays(toDate, 1), 0, timeZone), timeZone),
  };
}

/** A closure on one local date from `start` to `end` ("HH:mm", local wall-clock times). */
export function closureForLocalTimes(date: string, start: string, end: string, timeZone: string): Closure {
  assertValidTimeZone(timeZone);
  parseLocalDate(date, 'date');
  const startMinute = parseWallTime(start, 'start');
  const endMinute = parseWallTime(end, 'end');
  if (endMinute <= startMinute) throw new Error(`end must be after start, got ${start}–${end}`);
  return {
    start: formatInstant(wallTimeToInstant(date, startMinute, timeZone), timeZone),
    end: formatInstant(wallTimeToInstant(date, endMinute, timeZone), timeZone),
  };
}
