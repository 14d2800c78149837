/**
 * Rules for editing a weekly schedule (the admin pages): which intervals are valid, whether
 * an already booked appointment is still a slot of a changed schedule, and how many places
 * a change adds. Pure functions; the slot grid is the one `generateSlots` uses.
 */
import { MINUTE_MS, isoWeekday } from './local-date';
import type { WeeklyInterval } from './types';
import { localToday, wallTimeToInstant } from './zone';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why one interval of a weekly schedule is refused. */
export type IntervalProblem = 'WEEKDAY' | 'START' | 'END' | 'ORDER' | 'OVERLAP';

export interface IntervalIssue {
  /** Index of the interval in the list given. */
  index: number;
  field: 'weekday' | 'start' | 'end';
  problem: IntervalProblem;
}

/**
 * Every problem of a list of weekly intervals, at once: weekday 1–7, times "HH:mm", end
 * after start, and no two intervals of a weekday overlapping (touching ones are fine:
 * 08:30–12:30 and 12:30–13:00). An overlap is reported on the later interval's start.
 */
export function weeklyScheduleIssues(intervals: ReadonlyArray<{ weekday: unknown; start: unknown; end: unknown }>): IntervalIssue[] {
  const issues: IntervalIssue[] = [];
  const valid: Array<{ index: number; weekday: number; start: number; end: number }> = [];
  intervals.forEach((interval, index) => {
    const weekdayOk = Number.isInteger(interval.weekday) && (interval.weekday as number) >= 1 && (interval.weekday as number) <= 7;
    const startOk = typeof interval.start === 'string' && HH_MM.test(interval.start);
    const endOk = typeof interval.end === 'string' && HH_MM.test(interval.end);
    if (!weekdayOk) issues.push({ index, field: 'weekday', problem: 'WEEKDAY' });
    if (!startOk) issues.push({ index, field: 'start', problem: 'START' });
    if (!endOk) issues.push({ index, field: 'end', problem: 'END' });
    if (!startOk || !endOk) return;
    const start = minutesOf(interval.start as string);
    const end = minutesOf(interval.end as string);
    if (end <= start) {
      issues.push({ index, field: 'end', problem: 'ORDER' });
      return;
    }
    if (weekdayOk) valid.push({ index, weekday: interval.weekday as number, start, end });
  });
  const sorted = [...valid].sort((a, b) => a.weekday - b.weekday || a.start - b.start || a.index - b.index);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && current.weekday === previous.weekday && current.start < previous.end) {
      issues.push({ index: current.index, field: 'start', problem: 'OVERLAP' });
    }
  }
  return issues.sort((a, b) => a.index - b.index);
}

/**
 * Whether the appointment [start, end) is a slot of the schedule: an interval of its local
 * weekday contains it, it starts on the interval's slot grid (steps of `durationMinutes`
 * from the interval's start, in absolute time as `generateSlots` counts) and it lasts one
 * slot. Holidays, closures, notice and horizon are not considered: this is about the
 * weekly schedule only.
 */
export function isScheduledSlot(openingHours: readonly WeeklyInterval[], durationMinutes: number, timeZone: string, start: Date, end: Date): boolean {
  const durationMs = durationMinutes * MINUTE_MS;
  if (end.getTime() - start.getTime() !== durationMs) return false;
  const date = localToday(start, timeZone);
  const weekday = isoWeekday(date);
  return openingHours.some((interval) => {
    if (interval.weekday !== weekday) return false;
    const intervalStart = wallTimeToInstant(date, minutesOf(interval.start), timeZone);
    const intervalEnd = wallTimeToInstant(date, minutesOf(interval.end), timeZone);
    const offset = start.getTime() - intervalStart;
    return offset >= 0 && end.getTime() <= intervalEnd && offset % durationMs === 0;
  });
}

/** Slots a week of this schedule offers (each interval cut into whole slots; DST days aside). */
export function weeklySlotCount(openingHours: readonly WeeklyInterval[], durationMinutes: number): number {
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) return 0;
  return openingHours.reduce((sum, interval) => {
    const length = minutesOf(interval.end) - minutesOf(interval.start);
    return sum + Math.max(0, Math.floor(length / durationMinutes));
  }, 0);
}

function minutesOf(time: string): number {
  const [hours = NaN, minutes = NaN] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
